/**
 * Typing ahead of the card. Between pressing Highlight and the card's note taking focus
 * (the save in flight, the card's frame still loading) keys would land on the page: on
 * our busy button, or on the page's body once the button goes. A reader who saves and
 * starts the note at once loses its first words. These keys are kept for the note
 * instead (the card frame puts them in first).
 */

/**
 * The character a key typed on the page stands for while a card is on its way ('\b' for
 * Backspace, which takes the last one back), or undefined when the key is not ours to
 * keep: a shortcut, a key that types nothing, a key composing an IME character, or
 * typing into a field of the page's own.
 */
export function typedAhead(event: KeyboardEvent): string | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return undefined;
  const key = event.key === 'Backspace' ? '\b' : [...event.key].length === 1 ? event.key : undefined;
  if (key === undefined) return undefined;
  const target = event.composedPath()[0];
  if (target instanceof Element && isTextField(target)) return undefined;
  return key;
}

function isTextField(el: Element): boolean {
  if (el.localName === 'textarea' || el.localName === 'select') return true;
  if (el.localName === 'input') return !['button', 'submit', 'reset', 'checkbox', 'radio', 'image', 'file', 'color', 'range'].includes((el as HTMLInputElement).type);
  return (el as HTMLElement).isContentEditable === true;
}
