export { chineseNumeral } from './chinese-numeral';
export { textProblem, ZLineText, ZText } from './text.schema';
