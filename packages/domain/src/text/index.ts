export { textProblem, ZLineText, ZText } from './text.schema';
