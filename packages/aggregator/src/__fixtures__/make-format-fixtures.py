#!/usr/bin/python3
"""Builds the fixtures for every kind of file counties send (legacy and office formats) and the
shapes clerks give the table, with real writers: openpyxl, LibreOffice (soffice) and python-docx.

Run with Debian's python3 from this folder:  /usr/bin/python3 make-format-fixtures.py
The files are committed; the tests read them and never run this script.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import docx
import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

sys.dont_write_bytecode = True  # no __pycache__ beside the committed fixtures
from fixture_table import HEADER, HERE, TITLE, out, table_sheet  # noqa: E402


def convert(source, target_format, target_name):
    """LibreOffice converts `source` (a file of this folder or a temporary one) into `target_name`."""
    with tempfile.TemporaryDirectory() as work:
        profile = f'-env:UserInstallation=file://{work}/profile'
        command = ['soffice', profile, '--headless', '--norestore', '--convert-to', target_format, '--outdir', work, source]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        extension = target_format.split(':')[0]
        produced = os.path.join(work, os.path.splitext(os.path.basename(source))[0] + '.' + extension)
        shutil.copy(produced, out(target_name))


def with_temporary_xlsx(build, target_format, target_name):
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, 'source.xlsx')
        build().save(source)
        convert(source, target_format, target_name)


LEGACY_ROWS = [
    [1, '乡宁县全民健身中心', '社区太极拳教学', '每周三次', '线下', datetime.datetime(2024, 6, 15), '韩梅', '13912340001', ''],
    [2, None, '线上健步走打卡', '21天打卡', '线上', '2024.7.15-7.19', '韩梅', '0357-6823456', ''],
    [3, None, '老年人健身讲座', '', '线上线下', 45565, '韩梅', 13912340001, ''],
]


def legacy_workbook():
    """A merged title, the organiser merged down three rows, a date cell, a General serial
    (45565 is 2024-09-30) and an instructions sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '统计表'
    table_sheet(ws, '乡宁县体育局', LEGACY_ROWS)
    ws.merge_cells('B4:B6')
    ws['F4'].number_format = 'yyyy"年"m"月"d"日"'
    wb.create_sheet('填表说明').append(['请如实填写'])
    return wb


def dates_1904_workbook():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = '统计表'
    table_sheet(ws, '大宁县体育局', [
        [1, '大宁县体育中心', '全民健身日', '', '线下', datetime.datetime(2024, 8, 8), '高远', '13812340002', ''],
    ])
    ws['F4'].number_format = 'yyyy-mm-dd'
    return wb


def legacy_formats():
    # Excel 97-2003 (BIFF8), as LibreOffice writes it; WPS 表格's .et is the same container.
    with_temporary_xlsx(legacy_workbook, 'xls:MS Excel 97', 'legacy-merged.xls')
    shutil.copy(out('legacy-merged.xls'), out('wps-sheet.et'))
    with_temporary_xlsx(dates_1904_workbook, 'xls:MS Excel 97', 'dates-1904.xls')
    # Rich text and a hyperlink (the xlsx fixture of make-fixtures.py) saved as 97-2003.
    convert(out('rich-text-hyperlink.xlsx'), 'xls:MS Excel 97', 'rich-text.xls')
    # LibreOffice's own format.
    with_temporary_xlsx(legacy_workbook, 'ods', 'libreoffice.ods')
    # An xlsx a clerk renamed .xls: read as what it is.
    legacy_workbook().save(out('really-xlsx.xls'))


def unicode_text():
    """Excel's "Unicode text": UTF-16 with a BOM, tab-separated (LibreOffice filter options
    9 = tab, 34 = quote, 65535 = UTF-16)."""
    with_temporary_xlsx(legacy_workbook, 'txt:Text - txt - csv (StarCalc):9,34,65535', 'unicode-text.txt')


def html_as_xls():
    """What government systems export: an HTML table saved with an .xls name. LibreOffice's
    HTML export of the same table, and a hand-made Excel-namespace page as exporters write."""
    with_temporary_xlsx(legacy_workbook, 'html:HTML (StarCalc)', 'html-export-libreoffice.xls')
    header = ''.join(f'<th>{label}</th>' for label in HEADER)
    page = f'''<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>导出</title></head>
<body><table border="1">
<tr><td colspan="9" align="center"><b>{TITLE}</b></td></tr>
<tr><td colspan="9">单位名称（盖章）：吉县体育局</td></tr>
<tr>{header}</tr>
<tr><td>1</td><td rowspan="2">吉县全民健身中心</td><td>壶口健步走</td><td>沿黄河健步走</td><td>线下</td><td>2024-06-01</td><td>白雪</td><td style="mso-number-format:'\\@'">03577923456</td><td></td></tr>
<tr><td>2</td><td>云上太极</td><td>直播教学</td><td>线上</td><td>2024年7月5日</td><td>白雪</td><td>13512340003</td><td>&nbsp;</td></tr>
</table></body></html>'''
    with open(out('html-export-system.xls'), 'w', encoding='utf-8') as handle:
        handle.write(page)


def word_binaries():
    """Word 97-2003 .doc (and WPS 文字 .wps, the same container): refused with what to send."""
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, 'table.docx')
        document = docx.Document()
        document.add_paragraph('单位名称（盖章）：汾西县体育局')
        table = document.add_table(rows=2, cols=len(HEADER))
        for index, label in enumerate(HEADER):
            table.cell(0, index).text = label
        document.save(source)
        convert(source, 'doc:MS Word 97', 'word-binary.doc')
    shutil.copy(out('word-binary.doc'), out('wps-document.wps'))


def tick_columns():
    """举办方式 as two tick columns 线上 | 线下 under a two-row header, ticked every way."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '统计表'
    ws.append([TITLE])
    ws.merge_cells('A1:J1')
    ws.append(['单位名称（盖章）：永和县体育局'])
    ws.append(['序号', '举办单位', '活动名称', '活动简介', '举办方式', None, '举办时间', '联系人', '联系方式', '备注'])
    ws.append([None, None, None, None, '线上', '线下', None, None, None, None])
    for column in 'ABCDGHIJ':
        ws.merge_cells(f'{column}3:{column}4')
    ws.merge_cells('E3:F3')
    rows = [
        ('√', ''), ('', '✓'), ('☑', '●'), ('是', ''), ('', '1'), ('', ''), ('√', '否'),
    ]
    for index, (online, offline) in enumerate(rows, start=1):
        ws.append([index, '永和县体育中心', f'乾坤湾健身活动{index}', '', online, offline, f'2024年6月{index}日', '贺兰', '13912340004', ''])
    wb.save(out('tick-columns.xlsx'))


def bracket_notes_phones():
    """Bracketed notes after 举办方式 and phones exported as numbers with a decimal."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '统计表'
    table_sheet(ws, '隰县体育局', [
        [1, '隰县体育中心', '小西天登山', '', '线下（室外）', '2024年6月1日', '武亮', '13903573101.0', ''],
        [2, '隰县体育中心', '直播健身操', '', '线上(直播)', '2024年6月2日', '武亮', 13903573101.0, '每周一次'],
        [3, '隰县体育中心', '社区乒乓球赛', '', '线下【社区活动室】', '2024年6月3日', '武亮', '3573101.0', ''],
    ])
    wb.save(out('bracket-notes-phones.xlsx'))


def unit_in_file_name():
    """No 单位名称 line: the unit is the expected unit inside the file name."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Sheet1'
    table_sheet(ws, None, [
        [1, '洪洞县体育中心', '大槐树健步走', '', '线下', '2024年6月1日', '杨帆', '13512340000', ''],
    ])
    wb.save(out('洪洞县2024年全民健身志愿服务活动统计表.xlsx'))
    lines = [','.join(HEADER), '1,洪洞县体育中心,大槐树健步走,,线下,2024年6月1日,杨帆,13512340000,']
    with open(out('洪洞县2024年全民健身志愿服务活动统计表.csv'), 'w', encoding='utf-8-sig') as handle:
        handle.write('\r\n'.join(lines) + '\r\n')


def nil_returns():
    """"无" returns: the first data row says there were no activities."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '统计表'
    table_sheet(ws, '古县体育局', [['本单位无活动']])
    ws.merge_cells('A4:I4')
    wb.save(out('nil-return-merged.xlsx'))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '统计表'
    table_sheet(ws, '安泽县体育局', [['暂无'], [], ['填表人：李强']])
    wb.save(out('nil-return-first-cell.xlsx'))


def continued_sheet():
    """A long table continued on a second sheet without its header repeated."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '统计表'
    table_sheet(ws, '浮山县体育局', [
        [index, '浮山县体育中心', f'健身活动{index}', '', '线下', f'2024年6月{index}日', '刘洋', '13812340005', '']
        for index in range(1, 4)
    ])
    more = wb.create_sheet('统计表(续)')
    for index in range(4, 6):
        more.append([index, '浮山县体育中心', f'健身活动{index}', '', '线上', f'2024年7月{index}日', '刘洋', '13812340005', ''])
    more.append(['填表人：刘洋'])
    wb.save(out('continued-sheet.xlsx'))


def same_unit_twice():
    """One unit, two files (a first return and a corrected one), sent without --replace."""
    for name, rows in [
        ('蒲县-第一次.xlsx', [[1, '蒲县体育中心', '柏山登高', '', '线下', '2024年9月9日', '石磊', '13112345678', '']]),
        ('蒲县-更正.xlsx', [[1, '蒲县体育中心', '柏山登高', '', '线下', '2024年9月9日', '石磊', '13112345678', ''],
                          [2, '蒲县体育中心', '云端健身课', '', '线上', '2024年9月10日', '石磊', '13112345678', '']]),
    ]:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = '统计表'
        table_sheet(ws, '蒲县体育局', rows)
        wb.save(out(name))


def main():
    steps = [legacy_formats, unicode_text, html_as_xls, word_binaries, tick_columns, bracket_notes_phones, unit_in_file_name,
             nil_returns, continued_sheet, same_unit_twice]
    for step in steps:
        step()
        print('ok', step.__name__)


if __name__ == '__main__':
    sys.exit(main())
