export { openDataLines, printedNames, type TOpenDataLine } from './budget-lines';
export { LINE_FIELDS, lineCsv, lineCsvHeader, lineCsvRows } from './line-csv';
export { linesDataPackage, type TLineResource, type TLinesPackageOptions } from './lines-datapackage';
