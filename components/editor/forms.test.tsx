import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@/lib/write/types';
import { AuthorizationPolicyFormView } from './ap-form';
import { EditorTabs } from './editor-tabs';
import { VirtualServiceFormView } from './vs-form';

const VS: JsonObject = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'reviews', namespace: 'bookinfo' },
  spec: {
    hosts: ['reviews'],
    http: [
      {
        match: [{ headers: { 'end-user': { exact: 'jason' } } }],
        route: [
          { destination: { host: 'reviews', subset: 'v1' }, weight: 70 },
          { destination: { host: 'reviews', subset: 'v2' }, weight: 20 },
        ],
        fault: { abort: { httpStatus: 503, percentage: { value: 10 } } },
      },
    ],
  },
};

const noop = (): void => undefined;

describe('the VirtualService form', () => {
  const html = renderToStaticMarkup(<VirtualServiceFormView object={VS} onChange={noop} />);

  it('shows the route, its condition and destinations', () => {
    expect(html.match(/data-testid="vs-route"/g)).toHaveLength(1);
    expect(html).toContain('value="end-user"');
    expect(html.match(/data-testid="vs-destination"/g)).toHaveLength(2);
    expect(html).toMatch(/data-testid="vs-abort-toggle" checked=""/);
    expect(html).toMatch(/data-testid="vs-abort-status"[^>]*value="503"/);
  });

  it('shows the weights sum in red when it is not 100', () => {
    expect(html).toMatch(/data-testid="vs-weight-sum" data-sum="90" class="[^"]*text-red-700/);
    expect(html).toContain('they must add up to 100');
  });
});

describe('the AuthorizationPolicy form', () => {
  it('explains where the chosen binding is enforced', () => {
    const policy: JsonObject = {
      kind: 'AuthorizationPolicy',
      spec: { action: 'DENY', selector: { matchLabels: { app: 'ratings' } }, rules: [{}] },
    };
    const html = renderToStaticMarkup(<AuthorizationPolicyFormView object={policy} onChange={noop} />);
    expect(html).toMatch(/data-testid="ap-mode-selector"[^>]*checked=""/);
    expect(html).toContain('Enforced by the workloads’ ztunnel');
    expect(html).toMatch(/data-testid="ap-label-value"[^>]*value="ratings"/);
    expect(html.match(/data-testid="ap-rule"/g)).toHaveLength(1);
  });
});

describe('the editor tabs', () => {
  const tabs = (kind: 'VirtualService' | 'DestinationRule', object: JsonObject | null): string =>
    renderToStaticMarkup(
      <EditorTabs
        kind={kind}
        tab="form"
        onTab={noop}
        text="kind: x"
        object={object}
        problems={[]}
        schema={null}
        onObject={noop}
        onText={noop}
      />,
    );

  it('offers the form for a VirtualService, and YAML only for a DestinationRule', () => {
    expect(tabs('VirtualService', VS)).toContain('data-testid="editor-tab-form"');
    const dr = tabs('DestinationRule', {});
    expect(dr).not.toContain('data-testid="editor-tab-form"');
    expect(dr).toContain('data-testid="yaml-editor"');
    expect(dr).toContain('data-testid="yaml-editor-input"');
  });

  it('keeps the form closed while the YAML does not parse', () => {
    expect(tabs('VirtualService', null)).toContain('data-testid="editor-form-blocked"');
  });
});
