/** The ticket page's knowledge panel and the 知识库 page. */
import type { Locator, Page } from 'playwright-core';

export class KnowledgePanel {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('knowledge-panel');
  }
  checklist(key: string): Locator {
    return this.root.getByTestId(`checklist-${key}`);
  }
  /** A step's checkbox, found by the words of the step. */
  step(text: string): Locator {
    return this.root.getByRole('checkbox', { name: text });
  }
  template(key: string): Locator {
    return this.root.getByTestId(`template-${key}`);
  }
  async copy(key: string): Promise<void> {
    await this.template(key).getByTestId('template-copy').click();
  }
  get notice(): Locator {
    return this.root.getByTestId('knowledge-notice');
  }
}

export class KnowledgePage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('knowledge-page');
  }
  get search(): Locator {
    return this.page.getByTestId('knowledge-search');
  }
  get hits(): Locator {
    return this.page.getByTestId('knowledge-hits').locator('li');
  }
  /** The matched words of each hit, as marked. */
  async marked(): Promise<string[]> {
    return this.page.getByTestId('knowledge-hits').locator('mark').allInnerTexts();
  }
  get item(): Locator {
    return this.page.getByTestId('knowledge-item');
  }
}
