import { describe, expect, it } from 'vitest';
import type { Draft } from '../../web/sidebar/src/api-types.ts';
import { deriveDraftState, displayText } from '../../web/sidebar/src/draft-state.ts';

const base: Draft = { id: 'd1', source: 'script', text: '您好，M 码还有货，需要帮您预留吗？', skus: [], flags: [], needsApproval: false };
const risky: Draft['flags'][number] = { rule: 'refund_promise', span: [0, 2], text: '您好', reason: '承诺退款需店长确认', severity: 'block' };

describe('deriveDraftState', () => {
  it('a plain draft is ready: send, edit, copy, with its own text', () => {
    expect(deriveDraftState(base)).toEqual({
      phase: 'ready',
      sendText: base.text,
      canSend: true,
      canEdit: true,
      canCopy: true,
      editedByManager: false,
      showFlags: true,
    });
  });

  it('a held draft waits for the manager and cannot leave the sidebar', () => {
    for (const draft of [{ ...base, needsApproval: true }, { ...base, needsApproval: true, approval: { state: 'pending' as const } }]) {
      const state = deriveDraftState(draft);
      expect(state.phase).toBe('pending');
      expect(state.sendText).toBeNull();
      expect([state.canSend, state.canEdit, state.canCopy]).toEqual([false, false, false]);
    }
  });

  it('an approved draft is sent with the manager’s wording, without the flags of the old text', () => {
    const approved = deriveDraftState({ ...base, needsApproval: true, flags: [risky], approval: { state: 'approved', text: '您好，M 码有货，我帮您留一件。' } });
    expect(approved).toMatchObject({ phase: 'approved', sendText: '您好，M 码有货，我帮您留一件。', canSend: true, editedByManager: true, showFlags: false });
  });

  it('an approved draft without new wording is sent as drafted and keeps its flags visible', () => {
    const approved = deriveDraftState({ ...base, needsApproval: true, flags: [risky], approval: { state: 'approved', comment: '可以' } });
    expect(approved).toMatchObject({ phase: 'approved', sendText: base.text, editedByManager: false, showFlags: true, comment: '可以' });
  });

  it('a rejected draft carries the manager’s comment and cannot be sent', () => {
    const state = deriveDraftState({ ...base, needsApproval: true, approval: { state: 'rejected', comment: '不能承诺退款' } });
    expect(state).toMatchObject({ phase: 'rejected', sendText: null, canSend: false, comment: '不能承诺退款' });
  });

  it('a blocking flag without a decision locks the draft even if the server did not hold it', () => {
    expect(deriveDraftState({ ...base, flags: [risky] })).toMatchObject({ phase: 'blocked', canSend: false, canCopy: false });
    expect(deriveDraftState({ ...base, flags: [{ ...risky, severity: 'warn' }] }).phase).toBe('ready');
  });
});

describe('displayText', () => {
  it('shows the approved wording when there is one, else the draft', () => {
    expect(displayText({ ...base, approval: { state: 'approved', text: '新的说法' } })).toBe('新的说法');
    expect(displayText({ ...base, needsApproval: true })).toBe(base.text);
  });

  it('a guide’s edit held by the store policy shows the edit while waiting, then sends it once approved', () => {
    const edit = `${base.text}今天给您打八折`;
    const pending = deriveDraftState({ ...base, needsApproval: true, approval: { state: 'pending', heldText: edit } });
    expect(pending).toMatchObject({ phase: 'pending', sendText: null, canSend: false, heldEdit: edit });
    const approved = deriveDraftState({ ...base, needsApproval: true, approval: { state: 'approved', text: edit, heldText: edit } });
    expect(approved).toMatchObject({ phase: 'approved', sendText: edit, canSend: true, editedByManager: false, showFlags: false, heldEdit: edit });
    const reworded = deriveDraftState({ ...base, needsApproval: true, approval: { state: 'approved', text: base.text, heldText: edit } });
    expect(reworded).toMatchObject({ sendText: base.text, editedByManager: true });
  });
});
