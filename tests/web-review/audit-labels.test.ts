import { describe, expect, it } from 'vitest';
import { auditCommentText, auditTargetLabel } from '../../web/review/src/audit-labels.ts';

describe('audit entries in the manager’s words', () => {
  it('names what an entry was about instead of its internal id', () => {
    expect(auditTargetLabel('sent.coach')).toBe('一条已发送消息');
    expect(auditTargetLabel('script.promote')).toBe('一条话术');
    expect(auditTargetLabel('approval.approve')).toBe('一条待审核回复');
    expect(auditTargetLabel('something.new')).toBe('');
  });

  it('turns a promoted script’s `from <message id>` note into words and keeps a manager’s own note', () => {
    expect(auditCommentText('from sent-kfmsg_00000t')).toBe('来自已发送消息抽检');
    expect(auditCommentText('语气可以更亲切 from now on')).toBe('语气可以更亲切 from now on');
  });
});
