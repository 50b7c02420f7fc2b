import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { IndexEntry } from '../storage';

/** Edit one article's tags: a labelled text field, comma-separated. */
export function TagEditor({ entry, onSave, onCancel }: { entry: IndexEntry; onSave: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(entry.tags.join(', '));
  return (
    <form class="tag-editor" onSubmit={(e) => (e.preventDefault(), onSave(text))}>
      <label>
        {t('tagsPrompt')}
        <input type="text" value={text} onInput={(e) => setText(e.currentTarget.value)} autoFocus />
      </label>
      <button type="submit">{t('save')}</button>
      <button type="button" onClick={onCancel}>{t('cancel')}</button>
    </form>
  );
}
