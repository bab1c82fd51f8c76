import type { Locator, Page } from '@playwright/test';

/** The app shell as a person sees it: sections, view controls, status lights, banner. Returns locators only. */
export class Shell {
  constructor(readonly page: Page) {}

  section(name: 'Overview' | 'Graph' | 'Mesh' | 'Config' | 'Traces'): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  statusLight(source: 'kubernetes' | 'prometheus' | 'tempo'): Locator {
    return this.page.getByTestId(`status-light-${source}`);
  }

  banner(): Locator {
    return this.page.getByTestId('source-banner');
  }

  windowSelect(): Locator {
    return this.page.getByTestId('window-select');
  }

  refreshSelect(): Locator {
    return this.page.getByTestId('refresh-select');
  }

  namespaceSelect(): Locator {
    return this.page.getByTestId('namespace-select');
  }

  namespaceOption(name: string): Locator {
    return this.page.getByRole('option', { name }).getByRole('checkbox');
  }

  namespaceTable(): Locator {
    return this.page.getByTestId('namespace-table');
  }

  themeToggle(): Locator {
    return this.page.getByTestId('theme-toggle');
  }
}
