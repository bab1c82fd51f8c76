import type { Locator, Page } from '@playwright/test';

/** The traces search page and the trace view as a person sees them. Returns locators only. */
export class TracesPage {
  constructor(readonly page: Page) {}

  traceqlInput(): Locator {
    return this.page.getByTestId('traceql-input');
  }

  searchForm(): Locator {
    return this.page.getByTestId('trace-search-form');
  }

  searchError(): Locator {
    return this.page.getByTestId('trace-search-error');
  }

  scatter(): Locator {
    return this.page.getByTestId('trace-scatter');
  }

  rows(): Locator {
    return this.page.getByTestId('trace-table').getByTestId('trace-row');
  }

  waterfall(): Locator {
    return this.page.getByTestId('trace-waterfall');
  }

  spanRows(): Locator {
    return this.waterfall().getByTestId('span-row');
  }

  /** The span row that is selected (its details open). */
  selectedSpan(): Locator {
    return this.waterfall().locator('[data-testid="span-row"][aria-selected="true"]');
  }

  spanDetails(): Locator {
    return this.page.getByTestId('span-details');
  }

  showOnGraph(): Locator {
    return this.page.getByTestId('trace-show-on-graph');
  }
}
