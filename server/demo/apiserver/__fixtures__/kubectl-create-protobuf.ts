/**
 * Request bodies recorded from kubectl 1.32.4 (`kubectl create namespace demo-ns`, `create configmap cm1
 * --from-literal=a=1 --from-literal=b=two`, `create sa sa1`, `create deployment web --image=nginx:1 --replicas=2
 * --port=80`, `create service clusterip svc1 --tcp=80:8080`, the last four in namespace bookinfo): the protobuf its
 * typed clients send, base64-encoded.
 */

/** Base64 protobuf bodies by the kind kubectl created. */
export const KUBECTL_CREATE_PROTOBUF = {
  namespace: 'azhzAAoPCgJ2MRIJTmFtZXNwYWNlEh8KFwoHZGVtby1ucxIAGgAiACoAMgA4AEIAEgAaAgoAGgAiAA==',
  configmap:
    'azhzAAoPCgJ2MRIJQ29uZmlnTWFwEi8KGwoDY20xEgAaCGJvb2tpbmZvIgAqADIAOABCABIGCgFhEgExEggKAWISA3R3bxoA' +
    'IgA=',
  serviceaccount: 'azhzAAoUCgJ2MRIOU2VydmljZUFjY291bnQSHQobCgNzYTESABoIYm9va2luZm8iACoAMgA4AEIAGgAiAA==',
  deployment:
    'azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50EsIBCicKA3dlYhIAGghib29raW5mbyIAKgAyADgAQgBaCgoDYXBwEgN3ZWIS' +
    'iAEIAhIMCgoKA2FwcBIDd2ViGm4KHAoAEgAaACIAKgAyADgAQgBaCgoDYXBwEgN3ZWISThIwCgVuZ2lueBIHbmdpbng6MSoA' +
    'MgoKABAAGFAiACoAQgBqAHIAgAEAiAEAkAEAogEAGgAyAEIASgBSAFgAYABoAIIBAIoBAJoBAMIBACICCgAoADgAGgwIABAA' +
    'GAAgACgAOAAaACIA',
  service:
    'azhzAAoNCgJ2MRIHU2VydmljZRJ0CikKBHN2YzESABoIYm9va2luZm8iACoAMgA4AEIAWgsKA2FwcBIEc3ZjMRJDChsKBzgw' +
    'LTgwODASA1RDUBhQIgcIABCQPxoAKAASCwoDYXBwEgRzdmMxGgAiCUNsdXN0ZXJJUDoAQgBSAFoAYABoABoCCgAaACIA',
} as const;
