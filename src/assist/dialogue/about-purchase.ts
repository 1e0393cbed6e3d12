/**
 * Whether the newest message is about something the customer bought: said so ("我退的那件", "上次买的",
 * "收到的"), or known from the profile. After-sales about one's own purchase is answered with an apology
 * for the trouble and tagged as after-sales, even when nothing in it is a complaint.
 */
import type { DialogueState } from './dialogue-state.ts';

const OWN = /我买的|我退的|退的那|退掉的|买的那|上次买|上次在|之前买|前几天买|收到的|在你这买|在你们这买|在你们店买|网上买的|刚买的|换码的|寄回去/u;

export function aboutOwnPurchase(state: DialogueState): boolean {
  return state.relationship.purchases.length > 0 || OWN.test(state.newestText);
}
