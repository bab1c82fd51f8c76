import type { Locator, Page } from '@playwright/test';

/** The configuration editor as a person sees it: tabs, the preview panel, the write result. Returns locators. */
export class EditorPage {
  constructor(readonly page: Page) {}

  editor(): Locator {
    return this.page.getByTestId('editor');
  }

  previewButton(): Locator {
    return this.page.getByTestId('editor-preview');
  }

  applyButton(): Locator {
    return this.page.getByTestId('editor-apply');
  }

  /** An edge of the impact preview, by its effect (`deny`, `allow`, `undecided`). */
  impactEdges(effect: 'deny' | 'allow' | 'undecided'): Locator {
    return this.page.locator(`[data-testid="impact-edge"][data-effect="${effect}"]`);
  }

  diff(): Locator {
    return this.page.getByTestId('editor-diff');
  }

  applied(): Locator {
    return this.page.getByTestId('editor-applied');
  }

  undo(): Locator {
    return this.page.getByTestId('editor-undo');
  }

  conflict(): Locator {
    return this.page.getByTestId('editor-conflict');
  }

  readOnly(): Locator {
    return this.page.getByTestId('editor-read-only');
  }
}
