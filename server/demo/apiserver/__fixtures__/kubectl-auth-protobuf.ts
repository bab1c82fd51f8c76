/**
 * Request bodies recorded from kubectl 1.32.4 in namespace bookinfo, base64-encoded: `kubectl create role pod-reader
 * --verb=get,list --resource=pods,deployments.apps --resource-name=a`, `create clusterrole health --verb=get
 * --non-resource-url=/healthz,/livez`, `create rolebinding rb --clusterrole=view --user=alice --group=team
 * --serviceaccount=bookinfo:default`, `create clusterrolebinding crb --clusterrole=view --group=team`, `auth can-i
 * get /healthz`, `auth can-i list pods --subresource=status`, `auth whoami` and `auth can-i --list`.
 */

/** Base64 protobuf bodies by what kubectl sent. */
export const KUBECTL_AUTH_PROTOBUF = {
  role:
    'azhzAAokChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgRSb2xlElcKGgoKcG9kLXJlYWRlchIAGgAiACoAMgA4AEIAEhYKA2dl' +
    'dAoEbGlzdBIAGgRwb2RzIgFhEiEKA2dldAoEbGlzdBIEYXBwcxoLZGVwbG95bWVudHMiAWEaACIA',
  clusterrole:
    'azhzAAorChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgtDbHVzdGVyUm9sZRIxChYKBmhlYWx0aBIAGgAiACoAMgA4AEIAEhcK' +
    'A2dldCoIL2hlYWx0aHoqBi9saXZlehoAIgA=',
  rolebinding:
    'azhzAAorChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgtSb2xlQmluZGluZxLDAQoSCgJyYhIAGgAiACoAMgA4AEIAEioKBFVz' +
    'ZXISGXJiYWMuYXV0aG9yaXphdGlvbi5rOHMuaW8aBWFsaWNlIgASKgoFR3JvdXASGXJiYWMuYXV0aG9yaXphdGlvbi5rOHMuaW8aBHRl' +
    'YW0iABIlCg5TZXJ2aWNlQWNjb3VudBIAGgdkZWZhdWx0Ighib29raW5mbxouChlyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvEgtDbHVz' +
    'dGVyUm9sZRoEdmlldxoAIgA=',
  clusterrolebinding:
    'azhzAAoyChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEhJDbHVzdGVyUm9sZUJpbmRpbmcScQoTCgNjcmISABoAIgAqADIAOABC' +
    'ABIqCgVHcm91cBIZcmJhYy5hdXRob3JpemF0aW9uLms4cy5pbxoEdGVhbSIAGi4KGXJiYWMuYXV0aG9yaXphdGlvbi5rOHMuaW8SC0Ns' +
    'dXN0ZXJSb2xlGgR2aWV3GgAiAA==',
  canIPath:
    'azhzAAoyChdhdXRob3JpemF0aW9uLms4cy5pby92MRIXU2VsZlN1YmplY3RBY2Nlc3NSZXZpZXcSLwoQCgASABoAIgAqADIAOABCABIR' +
    'Eg8KCC9oZWFsdGh6EgNnZXQaCAgAEgAaACAAGgAiAA==',
  canIResource:
    'azhzAAoyChdhdXRob3JpemF0aW9uLms4cy5pby92MRIXU2VsZlN1YmplY3RBY2Nlc3NSZXZpZXcSRAoQCgASABoAIgAqADIAOABCABIm' +
    'CiQKCGJvb2tpbmZvEgRsaXN0GgAiACoEcG9kczIGc3RhdHVzOgAaCAgAEgAaACAAGgAiAA==',
  whoami:
    'azhzAAotChhhdXRoZW50aWNhdGlvbi5rOHMuaW8vdjESEVNlbGZTdWJqZWN0UmV2aWV3EhoKEAoAEgAaACIAKgAyADgAQgASBgoECgAS' +
    'ABoAIgA=',
  canIList:
    'azhzAAoxChdhdXRob3JpemF0aW9uLms4cy5pby92MRIWU2VsZlN1YmplY3RSdWxlc1JldmlldxIkChAKABIAGgAiACoAMgA4AEIAEgoK' +
    'CGJvb2tpbmZvGgQYACIAGgAiAA==',
};
