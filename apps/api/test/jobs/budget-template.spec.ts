import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ZBudgetDocument, ZExplanationTexts, ZPriorExecution, ZPriorYearFigures, type TBudgetDocument } from '@budgetflow/domain';
import { generateBudget } from '@budgetflow/domain/testing';
import { exportBudgetTemplate, importBudgetTemplate } from '../../src/modules/reports/xlsx/budget-template';

const seed: TBudgetDocument = ZBudgetDocument.parse(
  JSON.parse(readFileSync(join(__dirname, '../../../../packages/domain/fixtures/qiaokou-bigdata-2020.json'), 'utf8')),
);

async function edit(bytes: Buffer, change: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  change(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the import template', () => {
  it('gives back the same document when nothing was edited', async () => {
    const result = await importBudgetTemplate(seed, await exportBudgetTemplate(seed));
    expect(result).toEqual({ ok: true, document: seed });
  });

  it('export → edit in a spreadsheet → import gives the edited document', async () => {
    const first = seed.expenditureLines[0];
    if (!first) throw new Error('the seed has lines');
    const edited = await edit(await exportBudgetTemplate(seed), (workbook) => {
      const sheet = workbook.getWorksheet('支出') as ExcelJS.Worksheet;
      sheet.getCell('H2').value = 384123.45; // the first line's amount
      sheet.getCell('I2').value = '=HYPERLINK("http://evil")'; // typed as text, as a spreadsheet keeps a quoted entry
      sheet.addRow(['new-1', '019001', '2010350', '30201', 'basic-public', null, 'general-budget-appropriation', 1000, null]);
    });
    const result = await importBudgetTemplate(seed, edited);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.document.expenditureLines[0]).toEqual({ ...first, amount: '384123.45', note: '=HYPERLINK("http://evil")' });
    expect(result.document.expenditureLines.at(-1)).toEqual({
      id: 'new-1',
      unitCode: '019001',
      functionCode: '2010350',
      economicCode: '30201',
      kind: 'basic-public',
      fundSource: 'general-budget-appropriation',
      amount: '1000.00',
    });
    expect(result.document.expenditureLines).toHaveLength(seed.expenditureLines.length + 1);
    expect(result.document.projects).toEqual(seed.projects);
  });

  it('writes text that begins with = + - @ as literal text', async () => {
    const doc = { ...seed, expenditureLines: seed.expenditureLines.map((l, i) => (i === 0 ? { ...l, note: '@SUM(A1:A9)' } : l)) };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportBudgetTemplate(doc)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('支出')?.getCell('I2').value).toBe("'@SUM(A1:A9)");
    const back = await importBudgetTemplate(seed, await exportBudgetTemplate(doc));
    expect(back.ok && back.document.expenditureLines[0]?.note).toBe('@SUM(A1:A9)');
  });

  it('writes codes with their names and the closed sets in Chinese, with drop-down lists', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportBudgetTemplate(seed)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('支出') as ExcelJS.Worksheet;
    expect(sheet.getRow(1).values).toEqual([undefined, '行号', '单位', '功能科目', '经济科目', '支出类型', '项目', '资金来源', '金额（元）', '备注']);
    const first = seed.expenditureLines[0]!;
    expect(String(sheet.getCell('C2').value)).toMatch(new RegExp(`^${first.functionCode} \\S`));
    expect(['人员经费', '公用经费', '项目']).toContain(sheet.getCell('E2').value);
    expect(sheet.getCell('G2').value).not.toMatch(/[a-z]/);
    expect(sheet.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['选项!$A$1:$A$3'] });
    expect(sheet.getCell(`G${seed.expenditureLines.length + 2}`).dataValidation).toMatchObject({ type: 'list' });
    // Codes stay text when retyped (019001 keeps its zero); amounts show separators and two decimals.
    for (const row of [2, seed.expenditureLines.length + 1]) {
      expect(['B', 'C', 'D'].map((column) => sheet.getCell(`${column}${row}`).numFmt)).toEqual(['@', '@', '@']);
      expect(sheet.getCell(`H${row}`).numFmt).toBe('#,##0.00');
    }
  });

  it('reads a row added in Chinese without an id, a formula by its result, and an older English template', async () => {
    const edited = await edit(await exportBudgetTemplate(seed), (workbook) => {
      const sheet = workbook.getWorksheet('支出') as ExcelJS.Worksheet;
      sheet.addRow([null, '019001', '2010350', '[30201]', '日常公用经费', null, '经费拨款', { formula: 'H2*2', result: 20.5 }, '新增']);
      sheet.addRow([]); // a blank row is not a line
    });
    const result = await importBudgetTemplate(seed, edited);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const added = result.document.expenditureLines.at(-1);
    expect(added).toEqual({ id: expect.stringMatching(/^x-/), unitCode: '019001', functionCode: '2010350', economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation', amount: '20.50', note: '新增' });
    expect(result.document.expenditureLines).toHaveLength(seed.expenditureLines.length + 1);

    // The template as it was written before: English-keyed headings and values.
    const old = await edit(await exportBudgetTemplate(seed), (workbook) => {
      const sheet = workbook.getWorksheet('支出') as ExcelJS.Worksheet;
      sheet.getRow(1).values = ['行号 id', '单位编码 unitCode', '功能科目 functionCode', '经济科目 economicCode', '支出类型 kind', '项目 projectId', '资金来源 fundSource', '金额（元） amount', '备注 note'];
      seed.expenditureLines.forEach((line, i) => {
        const row = sheet.getRow(i + 2);
        row.getCell(2).value = line.unitCode;
        row.getCell(3).value = line.functionCode;
        row.getCell(4).value = line.economicCode;
        row.getCell(5).value = line.kind;
        row.getCell(6).value = line.projectId ?? null;
        row.getCell(7).value = line.fundSource;
      });
    });
    expect(await importBudgetTemplate(seed, old)).toEqual({ ok: true, document: seed });
  });

  it('refuses bad cells, naming the sheet, row and column with a reason in Chinese, and imports nothing', async () => {
    const edited = await edit(await exportBudgetTemplate(seed), (workbook) => {
      const sheet = workbook.getWorksheet('支出') as ExcelJS.Worksheet;
      sheet.getCell('H3').value = 12.345;
      sheet.getCell('H4').value = { formula: 'H2*2' } as ExcelJS.CellFormulaValue; // never calculated
      sheet.getCell('C5').value = '201';
      sheet.getCell('E6').value = '差旅';
    });
    const result = await importBudgetTemplate(seed, edited);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.sheet}!${p.row} ${p.column}`)).toEqual(['支出!3 金额（元）', '支出!4 金额（元）', '支出!5 功能科目', '支出!6 支出类型']);
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('两位小数'),
      expect.stringContaining('公式没有计算结果'),
      expect.stringContaining('功能科目须写到项级'),
      expect.stringContaining('支出类型须为'),
    ]);
  });

  it('reads a code, unit or closed set written alike on many rows as each row\'s own, and refuses each row that repeats a bad one', async () => {
    // 2,000 lines over 24 功能科目 and 10 units: every text of those columns comes back on many rows.
    const many = generateBudget({ lines: 2000 });
    expect(await importBudgetTemplate(many, await exportBudgetTemplate(many))).toEqual({ ok: true, document: many });
    const edited = await edit(await exportBudgetTemplate(seed), (workbook) => {
      const sheet = workbook.getWorksheet('支出') as ExcelJS.Worksheet;
      for (const row of [3, 5, 6]) sheet.getCell(`C${row}`).value = '201';
      sheet.getCell('E4').value = '差旅';
      sheet.getCell('E7').value = '差旅';
    });
    const result = await importBudgetTemplate(seed, edited);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.sheet}!${p.row} ${p.column}`)).toEqual(['支出!3 功能科目', '支出!4 支出类型', '支出!5 功能科目', '支出!6 功能科目', '支出!7 支出类型']);
  });

  describe('the projects, one sheet per part', () => {
    const project = seed.projects[0]!;

    it('writes each project and its parts in Chinese, naming the project in the first column', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await exportBudgetTemplate(seed)) as unknown as ArrayBuffer);
      const header = workbook.getWorksheet('项目') as ExcelJS.Worksheet;
      expect(header.getRow(1).values).toEqual([undefined, '项目编号', '项目名称', '项目单位', '项目类型', '项目主管部门', '项目执行单位', '项目负责人', '联系电话', '单位地址', '邮政编码', '项目总预算（元）', '立项依据', '实施方案', '当年预算变动说明', '绩效总目标']);
      expect([header.getCell('A2').value, header.getCell('B2').value]).toEqual([project.id, project.name]);
      const procurement = workbook.getWorksheet('项目采购') as ExcelJS.Worksheet;
      expect(procurement.getRow(1).values).toEqual([undefined, '项目', '采购品名', '采购类别', '数量', '金额（元）', '经济科目', '采购组织形式']);
      expect(procurement.rowCount).toBe(1 + project.procurement.length);
      expect([procurement.getCell('A2').value, procurement.getCell('C2').value, procurement.getCell('E2').value]).toEqual([project.name, '货物', 900]);
      expect(procurement.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['选项!$E$1:$E$3'] });
      const indicators = workbook.getWorksheet('项目绩效指标') as ExcelJS.Worksheet;
      expect(indicators.rowCount).toBe(1 + project.indicators.length);
      expect((workbook.getWorksheet('项目测算明细') as ExcelJS.Worksheet).rowCount).toBe(1 + project.details.length);
      expect((workbook.getWorksheet('项目资金来源') as ExcelJS.Worksheet).getCell('B2').value).not.toMatch(/[a-z]/);
    });

    it('reads a project added without an id, its parts named by its name, and edits of the others', async () => {
      const edited = await edit(await exportBudgetTemplate(seed), (workbook) => {
        (workbook.getWorksheet('项目') as ExcelJS.Worksheet).addRow([null, '智慧社区平台运维', '019001', '专项业务项目', null, null, '张三', null, null, null, 80000, '区政府常务会议纪要', null, null, '保障平台全年稳定运行']);
        (workbook.getWorksheet('项目资金来源') as ExcelJS.Worksheet).addRow(['智慧社区平台运维', '经费拨款', 80000]);
        const details = workbook.getWorksheet('项目测算明细') as ExcelJS.Worksheet;
        details.addRow(['智慧社区平台运维', '30213', 80000, '2台服务器 × 40,000']);
        details.getCell('C2').value = 12345.67; // the seed project's first detail
        (workbook.getWorksheet('项目绩效指标') as ExcelJS.Worksheet).addRow(['智慧社区平台运维', '产出指标', '数量指标', '运维平台数', null, null, null, '1个', '行业标准']);
        (workbook.getWorksheet('项目采购') as ExcelJS.Worksheet).spliceRows(2, 1); // the first purchase removed
        (workbook.getWorksheet('支出') as ExcelJS.Worksheet).addRow([null, '019001', '2010350', '30213', '项目', '智慧社区平台运维', '经费拨款', 80000, null]);
      });
      const result = await importBudgetTemplate(seed, edited);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const [kept, added] = result.document.projects;
      expect(result.document.projects).toHaveLength(2);
      expect(added).toMatchObject({
        id: expect.stringMatching(/^x-/),
        name: '智慧社区平台运维',
        unitCode: '019001',
        type: '专项业务项目',
        leader: '张三',
        totalBudget: '80000.00',
        basis: '区政府常务会议纪要',
        overallTarget: '保障平台全年稳定运行',
        fundSources: [{ source: 'general-budget-appropriation', amount: '80000.00' }],
        details: [{ economicCode: '30213', amount: '80000.00', basis: '2台服务器 × 40,000', note: '', subItems: [] }],
        indicators: [{ level1: '产出指标', level2: '数量指标', name: '运维平台数', content: '', valueTwoYearsAgo: '', valueLastYear: '', target: '1个', standard: '行业标准' }],
        procurement: [],
      });
      expect(result.document.expenditureLines.at(-1)).toMatchObject({ kind: 'project', projectId: added!.id, amount: '80000.00' });
      // The seed's project: the edited detail, one purchase fewer, and what no sheet carries kept as it was.
      expect(kept!.details[0]).toEqual({ ...project.details[0], amount: '12345.67' });
      expect(kept!.details.map((d) => d.subItems)).toEqual(project.details.map((d) => d.subItems));
      expect(kept!.procurement).toEqual(project.procurement.slice(1));
      expect(kept!.priorYears).toEqual(project.priorYears);
      expect({ ...kept, details: project.details, procurement: project.procurement }).toEqual(project);
    });

    it('keeps the projects and the department\'s parts of a workbook without their sheets, and a part whose sheet was taken out', async () => {
      const linesOnly = await edit(await exportBudgetTemplate(seed), (workbook) => {
        for (const name of ['项目', '项目资金来源', '项目测算明细', '项目采购', '项目绩效指标', '预算单位', '人员构成', '部门职能', '部门绩效指标', '上年数', '变动原因', '其他说明']) {
          workbook.removeWorksheet((workbook.getWorksheet(name) as ExcelJS.Worksheet).id);
        }
      });
      expect(await importBudgetTemplate(seed, linesOnly)).toEqual({ ok: true, document: seed });
      const withoutIndicators = await edit(await exportBudgetTemplate(seed), (workbook) => {
        workbook.removeWorksheet((workbook.getWorksheet('项目绩效指标') as ExcelJS.Worksheet).id);
        (workbook.getWorksheet('项目') as ExcelJS.Worksheet).getCell('G2').value = '李四';
      });
      const result = await importBudgetTemplate(seed, withoutIndicators);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.document.projects).toEqual([{ ...project, leader: '李四' }]);
    });

    it('refuses a part naming no project, a category not in the list and an overlong name, by sheet, row and column; a renamed project is still found', async () => {
      const edited = await edit(await exportBudgetTemplate(seed), (workbook) => {
        (workbook.getWorksheet('项目测算明细') as ExcelJS.Worksheet).addRow(['不存在的项目', '30213', 100]);
        (workbook.getWorksheet('项目采购') as ExcelJS.Worksheet).getCell('C3').value = '物资';
      });
      const result = await importBudgetTemplate(seed, edited);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems.map((p) => `${p.sheet}!${p.row} ${p.column}: ${p.message}`)).toEqual([
        `项目测算明细!${project.details.length + 2} 项目: 没有项目「不存在的项目」`,
        '项目采购!3 采购类别: 没有采购类别「物资」',
      ]);

      // A project renamed in its sheet is still found by its former name in the others.
      const renamed = await edit(await exportBudgetTemplate(seed), (workbook) => {
        (workbook.getWorksheet('项目') as ExcelJS.Worksheet).getCell('B2').value = '信息化建设项目（更名）';
      });
      const kept = await importBudgetTemplate(seed, renamed);
      expect(kept).toEqual({ ok: true, document: { ...seed, projects: [{ ...project, name: '信息化建设项目（更名）' }] } });

      const tooLong = await edit(await exportBudgetTemplate(seed), (workbook) => {
        (workbook.getWorksheet('项目') as ExcelJS.Worksheet).getCell('B2').value = '项'.repeat(201);
      });
      const refused = await importBudgetTemplate(seed, tooLong);
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.problems).toEqual([expect.objectContaining({ sheet: '项目', row: 2, field: 'name', column: '项目名称' })]);
    });
  });

  describe('the department\'s 主要职能 and 部门绩效指标', () => {
    const goals = seed.performance.annualGoals;

    it('writes a paragraph of 职能 a row, and each indicator with its goal', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await exportBudgetTemplate(seed)) as unknown as ArrayBuffer);
      const functions = workbook.getWorksheet('部门职能') as ExcelJS.Worksheet;
      expect(functions.getRow(1).values).toEqual([undefined, '主要职能']);
      expect(functions.getCell('A2').value).toBe(seed.department.functions[0]);
      expect(functions.rowCount).toBe(1 + seed.department.functions.length);
      const indicators = workbook.getWorksheet('部门绩效指标') as ExcelJS.Worksheet;
      expect(indicators.getRow(1).values).toEqual([undefined, '绩效目标', '一级指标', '二级指标', '指标名称', '指标内容', '前年指标值', '上年指标值', '预期当年实现值', '绩效标准']);
      expect(indicators.rowCount).toBe(1 + seed.performance.longTermIndicators.length + goals.reduce((n, g) => n + g.indicators.length, 0));
      expect([indicators.getCell('A2').value, indicators.getCell(`A${2 + seed.performance.longTermIndicators.length}`).value]).toEqual(['长期目标', goals[0]!.title]);
    });

    it('reads edited 职能 and indicators: a goal dropped, an indicator added to a goal, a new goal by its title', async () => {
      const edited = await edit(await exportBudgetTemplate(seed), (workbook) => {
        const functions = workbook.getWorksheet('部门职能') as ExcelJS.Worksheet;
        functions.getCell('A2').value = '负责全区大数据发展规划。';
        functions.addRow(['承担区政府交办的其他任务。']);
        const indicators = workbook.getWorksheet('部门绩效指标') as ExcelJS.Worksheet;
        const rows: number[] = [];
        indicators.eachRow((row, n) => {
          if (row.getCell(1).value === goals[1]!.title) rows.push(n);
        });
        for (const n of rows.reverse()) indicators.spliceRows(n, 1); // the second goal's indicators: the goal goes
        indicators.addRow([goals[0]!.title, '产出指标', '时效指标', '故障响应时间', null, null, null, '2小时内', '行业标准']);
        indicators.addRow(['数据共享', '效益指标', '社会效益指标', '共享数据目录数', null, null, null, '≥200', null]);
      });
      const result = await importBudgetTemplate(seed, edited);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const { department, performance } = result.document;
      expect(department.functions).toEqual(['负责全区大数据发展规划。', ...seed.department.functions.slice(1), '承担区政府交办的其他任务。']);
      expect(performance.longTermIndicators).toEqual(seed.performance.longTermIndicators);
      expect(performance.annualGoals.map((g) => [g.title, g.indicators.length])).toEqual([
        [goals[0]!.title, goals[0]!.indicators.length + 1],
        [goals[2]!.title, goals[2]!.indicators.length],
        ['数据共享', 1],
      ]);
      expect(performance.annualGoals[0]!.indicators.at(-1)).toEqual({ level1: '产出指标', level2: '时效指标', name: '故障响应时间', content: '', valueTwoYearsAgo: '', valueLastYear: '', target: '2小时内', standard: '行业标准' });
      expect({ ...performance, longTermIndicators: [], annualGoals: [] }).toEqual({ ...seed.performance, longTermIndicators: [], annualGoals: [] });
    });

    it('refuses an indicator without its goal, naming the cell', async () => {
      const edited = await edit(await exportBudgetTemplate(seed), (workbook) => {
        (workbook.getWorksheet('部门绩效指标') as ExcelJS.Worksheet).addRow([null, '产出指标', '数量指标', '新指标']);
      });
      const result = await importBudgetTemplate(seed, edited);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const row = 2 + seed.performance.longTermIndicators.length + goals.reduce((n, g) => n + g.indicators.length, 0);
      expect(result.problems).toEqual([{ sheet: '部门绩效指标', row, field: 'goal', column: '绩效目标', message: '不能为空' }]);
    });
  });

  describe('the 预算单位, 人员构成, 上年数, 变动原因 and 其他说明', () => {
    const sheetOf = (workbook: ExcelJS.Workbook, name: string) => workbook.getWorksheet(name) as ExcelJS.Worksheet;
    /** The first row whose first cells are `starts`. */
    const rowOf = (sheet: ExcelJS.Worksheet, ...starts: unknown[]): ExcelJS.Row => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (found === undefined && starts.every((value, i) => (row.getCell(i + 1).value ?? undefined) === value)) found = row;
      });
      if (found === undefined) throw new Error(`no row ${starts.join(' ')} in ${sheet.name}`);
      return found;
    };
    const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

    it('writes each part in Chinese, one row a unit, a staff type, a prior figure or a text, with drop-down lists', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await exportBudgetTemplate(seed)) as unknown as ArrayBuffer);
      const units = sheetOf(workbook, '预算单位');
      expect(values(units.getRow(1))).toEqual(['单位编码', '单位名称', '级次', '单位性质']);
      expect(values(units.getRow(2))).toEqual(['019001', '武汉市硚口区大数据中心', '本级']);
      expect(units.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['选项!$F$1:$F$2'] });
      expect(units.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ['选项!$G$1:$G$3'] });

      const staff = sheetOf(workbook, '人员构成');
      expect(values(staff.getRow(1))).toEqual(['人员类别', '类型（留空为合计）', '人数']);
      expect([2, 3, 4, 5, 6].map((n) => values(staff.getRow(n)))).toEqual([
        ['编制人数', undefined, 18],
        ['编制人数', '事业编制', 18],
        ['在职实有人数', undefined, 12],
        ['在职实有人数', '事业', 12],
        ['离退休人员', undefined, 0],
      ]);

      const prior = sheetOf(workbook, '上年数');
      expect(values(prior.getRow(1))).toEqual(['年度', '数据项', '功能科目', '预算数（元）', '执行数（元）']);
      expect(prior.rowCount).toBe(1 + 5);
      expect(values(prior.getRow(2))).toEqual([2019, '收支总计', undefined, 2836000]);
      expect(prior.getCell('D2').numFmt).toBe('#,##0.00');

      const reasons = sheetOf(workbook, '变动原因');
      expect(values(reasons.getRow(1))).toEqual(['事项', '功能科目', '内容']);
      expect(reasons.rowCount).toBe(1 + 6); // the reasons of the seed's template, each to be filled; 基本支出's (Jiangsu's) is left out
      expect(values(reasons.getRow(2))).toEqual(['无上年数的原因', undefined, seed.explanations.noPriorYearReason]);
      expect(values(reasons.getRow(3))).toEqual(['收支总额变动原因']); // its 内容 empty, to be filled

      const notes = sheetOf(workbook, '其他说明');
      expect(notes.rowCount).toBe(1 + 5 + Object.keys(seed.explanations.functionItemNotes).length);
      expect(values(rowOf(notes, '国有资产占有使用情况'))).toEqual(['国有资产占有使用情况', undefined, seed.explanations.assets]);
      expect(values(rowOf(notes, '功能科目用途说明'))).toEqual(['功能科目用途说明', '2010350 事业运行', '反映机关事业单位的基本支出。']);
      const lists = workbook.getWorksheet('选项') as ExcelJS.Worksheet;
      expect(['H1', 'H2', 'H3'].map((cell) => lists.getCell(cell).value)).toEqual(['编制人数', '在职实有人数', '离退休人员']);
    });

    it('reads an edit of each part as exactly that change, and a unit added there is one the lines may name', async () => {
      const edited = await edit(await exportBudgetTemplate(seed), (workbook) => {
        const units = sheetOf(workbook, '预算单位');
        units.getCell('D2').value = '事业单位';
        units.addRow(['019002', '硚口区数据服务站', '二级预算单位', null]);
        sheetOf(workbook, '支出').addRow(['new-1', '019002 硚口区数据服务站', '2010350', '30201', '公用经费', null, '经费拨款', 500, null]);
        const staff = sheetOf(workbook, '人员构成');
        rowOf(staff, '在职实有人数', undefined).getCell(3).value = 13;
        staff.addRow(['在职实有人数', '工勤', 1]);
        const prior = sheetOf(workbook, '上年数');
        rowOf(prior, 2019, '收支总计').getCell(5).value = 2700000.5; // its 执行数
        prior.addRow([2019, '功能科目', '201', 1000, null]);
        const reasons = sheetOf(workbook, '变动原因');
        rowOf(reasons, '收支总额变动原因').getCell(3).value = '新设机构，人员逐步到位。';
        reasons.addRow(['功能科目变动原因', '2010350 事业运行', '人员增加。']);
        rowOf(sheetOf(workbook, '其他说明'), '国有资产占有使用情况').getCell(3).value = '部门共有车辆0辆。';
      });
      const result = await importBudgetTemplate(seed, edited);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const [self] = seed.department.units;
      const [year] = seed.priorYears;
      expect(result.document).toEqual({
        ...seed,
        department: {
          ...seed.department,
          units: [{ ...self, category: 'institution' }, { code: '019002', name: '硚口区数据服务站', level: 'subordinate' }],
          staffing: { ...seed.department.staffing, actual: 13, actualByType: { 事业: 12, 工勤: 1 } },
        },
        expenditureLines: [...seed.expenditureLines, { id: 'new-1', unitCode: '019002', functionCode: '2010350', economicCode: '30201', kind: 'basic-public', fundSource: 'general-budget-appropriation', amount: '500.00' }],
        priorYears: [{ ...year, executed: { total: '2700000.50' }, functionClasses: { 201: { budget: '1000.00' } } }],
        explanations: { ...seed.explanations, totalChangeReason: '新设机构，人员逐步到位。', functionItemChangeReasons: { 2010350: '人员增加。' }, assets: '部门共有车辆0辆。' },
      });
    });

    it('carries every figure and text these parts of the document hold, there and back', async () => {
      // Built from the schema, so that a field added to it and forgotten by the sheets fails here.
      let n = 0;
      const amount = () => `${(n += 101)}.${String(n % 100).padStart(2, '0')}`;
      const flat = Object.keys(ZPriorYearFigures.shape).filter((key) => !['year', 'executed', 'functionItems', 'functionClasses'].includes(key));
      const texts = Object.fromEntries(
        Object.keys(ZExplanationTexts.shape).map((key) => {
          const field = ZExplanationTexts.shape[key as keyof typeof ZExplanationTexts.shape];
          if (field.safeParse('').success) return [key, `${key} 的说明`];
          return [key, field.safeParse({ 201: '' }).success ? { 201: `${key} 201`, 215: `${key} 215` } : { 2010350: `${key} 2010350`, 2150502: `${key} 2150502` }];
        }),
      );
      const doc = ZBudgetDocument.parse({
        ...seed,
        department: {
          ...seed.department,
          units: [
            { ...seed.department.units[0], category: 'civil-service' },
            { code: '019002', name: '硚口区数据服务站', level: 'subordinate', category: 'administrative' },
          ],
          staffing: { authorized: 20, authorizedByType: { 事业编制: 18, 工勤编制: 2 }, actual: 15, actualByType: { 事业: 12, 工勤: 3 }, retired: 4 },
        },
        priorYears: [
          {
            year: 2019,
            ...Object.fromEntries(flat.map((key) => [key, amount()])),
            executed: Object.fromEntries(Object.keys(ZPriorExecution.shape).map((key) => [key, amount()])),
            functionItems: { 2010350: { budget: amount(), executed: amount() }, 2150502: { executed: amount() } },
            functionClasses: { 201: { budget: amount() } },
          },
          { year: 2018, functionItems: {} },
        ],
        explanations: texts,
      });
      expect(await importBudgetTemplate(doc, await exportBudgetTemplate(doc))).toEqual({ ok: true, document: doc });
    });

    it('keeps each part whose sheet the workbook lacks, as the budget has it', async () => {
      const bytes = await edit(await exportBudgetTemplate(seed), (workbook) => {
        for (const name of ['预算单位', '人员构成', '上年数', '变动原因', '其他说明']) workbook.removeWorksheet(sheetOf(workbook, name).id);
      });
      // The budget moved on since the workbook was exported: its parts are the ones kept.
      const base: TBudgetDocument = {
        ...seed,
        department: { ...seed.department, units: [{ ...seed.department.units[0]!, category: 'administrative' }], staffing: { ...seed.department.staffing, retired: 2 } },
        priorYears: [{ year: 2019, total: '1.00' }],
        explanations: { ...seed.explanations, assets: '已更新', basicChangeReason: '增人' },
      };
      expect(await importBudgetTemplate(base, bytes)).toEqual({ ok: true, document: base });
    });

    it('clears a text whose row was taken out, and keeps texts by code absent where they were', async () => {
      const bytes = await edit(await exportBudgetTemplate(seed), (workbook) => {
        sheetOf(workbook, '其他说明').spliceRows(rowOf(sheetOf(workbook, '其他说明'), '国有资产占有使用情况').number, 1);
        sheetOf(workbook, '变动原因').spliceRows(2, 1); // 无上年数的原因
      });
      const result = await importBudgetTemplate(seed, bytes);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.document.explanations).toEqual({ ...seed.explanations, assets: '', noPriorYearReason: '' });
      expect('functionItemChangeReasons' in result.document.explanations).toBe(false);
    });

    it('refuses bad cells of each part by sheet, row and column with the reason in Chinese, and imports nothing', async () => {
      const bytes = await edit(await exportBudgetTemplate(seed), (workbook) => {
        const units = sheetOf(workbook, '预算单位');
        units.getCell('C2').value = '三级单位';
        units.addRow(['019001', '重复的单位', '二级预算单位']);
        rowOf(sheetOf(workbook, '人员构成'), '编制人数', '事业编制').getCell(3).value = 12.5;
        const prior = sheetOf(workbook, '上年数');
        prior.addRow([2019, '财政拨款支出', null, 100]);
        prior.addRow([2019, '功能科目', '20103', 100]);
        sheetOf(workbook, '变动原因').getCell('B3').value = '2010350';
        sheetOf(workbook, '其他说明').addRow(['功能科目用途说明', '201', '一般公共服务']);
      });
      const result = await importBudgetTemplate(seed, bytes);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems.map((p) => `${p.sheet}!${p.row} ${p.column}: ${p.message}`)).toEqual([
        '预算单位!2 级次: 没有级次「三级单位」',
        '预算单位!3 单位编码: 与第 2 行重复',
        '人员构成!3 人数: 须为不小于 0 的整数：「12.5」',
        '上年数!8 功能科目: 功能科目须为类级（3 位）或项级（7 位）编码：「20103」',
        '上年数!7 预算数（元）: 「财政拨款支出」只有执行数',
        '变动原因!3 功能科目: 「收支总额变动原因」不分功能科目，请留空',
        `其他说明!${2 + 5 + Object.keys(seed.explanations.functionItemNotes).length} 功能科目: 「功能科目用途说明」须写到项级（7 位）：「201」`,
      ]);
    });

    it('refuses a 人员构成 without a category\'s total, a unit a line still names once removed, and a year out of range', async () => {
      const bytes = await edit(await exportBudgetTemplate(seed), (workbook) => {
        const staff = sheetOf(workbook, '人员构成');
        staff.spliceRows(rowOf(staff, '离退休人员').number, 1);
        sheetOf(workbook, '预算单位').getCell('A2').value = '019009';
      });
      const result = await importBudgetTemplate(seed, bytes);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toEqual(
        expect.arrayContaining([
          { sheet: '支出', row: 2, field: 'unitCode', column: '单位', message: '没有单位「019001 武汉市硚口区大数据中心」' },
          { sheet: '人员构成', row: 0, field: 'category', message: '缺少「离退休人员」的合计行（类型留空的一行）' },
        ]),
      );
      const year = await edit(await exportBudgetTemplate(seed), (workbook) => {
        sheetOf(workbook, '上年数').getCell('A2').value = 1999;
      });
      const refused = await importBudgetTemplate(seed, year);
      expect(refused).toEqual({ ok: false, problems: [expect.objectContaining({ sheet: '上年数', row: 2, field: 'year', column: '年度' })] });
    });
  });
});
