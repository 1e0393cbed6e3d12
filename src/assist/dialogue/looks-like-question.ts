/** A clause that asks something: a question mark or particle, or a question word (多少 / 怎么 / 有没有 …). */
export const QUESTION = /[?？吗呢嘛]|(?<![怎什那这多要])么|有[^，。\s]{0,4}没(?:有)?\s*$|多少|几点|几(?:楼|层|号线|个色|种颜色)|给我不\s*$|什么|(?<![不没])怎么|哪|能不能|可不可以|可以.{0,6}吗|有没有|是不是|会不会|咋|啥|多久|几天|谁|(?<ab>\p{Script=Han})不\k<ab>|多大|多长|多高|多重|多宽|(?<![我并也都就])不\s*$|[^，。]不[^，。]{0,6}(?:啊|呀)?\s*$(?<=(?:好不好|行不行|对不对|要不要|能不能|是不是|有没有|合不合适)\S{0,2})/u;

export function looksLikeQuestion(text: string): boolean {
  return QUESTION.test(text);
}
