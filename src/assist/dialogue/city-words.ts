/**
 * Cities customers name when they ask where a store is or how long a parcel takes ("北京有门店吗",
 * "寄成都几天"). Only the larger ones: a store's own city is read from the FAQ that lists the stores.
 */
export const CITIES = '北京|上海|广州|深圳|杭州|南京|苏州|成都|重庆|武汉|西安|天津|长沙|郑州|青岛|厦门|宁波|无锡|合肥|福州|济南|昆明|大连|沈阳|哈尔滨|温州|绍兴|常州|南昌|贵阳|南宁|石家庄|太原|兰州|乌鲁木齐';

/** The first city named in a text. */
export function cityNamed(text: string): string | undefined {
  return new RegExp(CITIES, 'u').exec(text)?.[0];
}
