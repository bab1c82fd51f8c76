import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The dependency rule of the architecture: components/ and lib/ run in the browser, so they may import server/
// and @kubernetes/client-node for types only. This checks that the lint rule really enforces it.
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('the browser-safe import rule', () => {
  it.each([
    [
      'components/graph/panel.tsx',
      "import { sources } from '@/server/sources/registry';\nexport const s = sources;\n",
    ],
    ['lib/graph/build.ts', "import { settings } from '../../server/settings';\nexport const s = settings;\n"],
    [
      'lib/kube/x.ts',
      "import { KubeConfig } from '@kubernetes/client-node';\nexport const k = new KubeConfig();\n",
    ],
  ])('refuses a run-time import of server code in %s', async (filePath, code) => {
    expect(await restrictedImportMessages(filePath, code)).toHaveLength(1);
  });

  it('allows type-only imports there, a package’s own server entry, and anything in server/ and app/', async () => {
    const typeOnly = "import type { Sources } from '@/server/sources/registry';\nexport type S = Sources;\n";
    expect(await restrictedImportMessages('components/graph/panel.tsx', typeOnly)).toEqual([]);
    const reactDomServer =
      "import { renderToStaticMarkup } from 'react-dom/server';\nexport const r = renderToStaticMarkup;\n";
    expect(await restrictedImportMessages('components/graph/panel.test.tsx', reactDomServer)).toEqual([]);
    const runtime = "import { sources } from '@/server/sources/registry';\nexport const s = sources;\n";
    expect(await restrictedImportMessages('app/api/x/route.ts', runtime)).toEqual([]);
    expect(await restrictedImportMessages('server/graph/build.ts', runtime)).toEqual([]);
  });

  it('refuses it in tests under lib/ too', async () => {
    const runtime = "import { spansOf } from '@/server/demo/telemetry/spans';\nexport const s = spansOf;\n";
    expect(await restrictedImportMessages('lib/graph/trace-path.test.ts', runtime)).toHaveLength(1);
    expect(await restrictedImportMessages('lib/graph/trace-path.ts', runtime)).toHaveLength(1);
  });
});
