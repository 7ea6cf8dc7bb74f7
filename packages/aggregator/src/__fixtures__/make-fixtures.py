#!/usr/bin/python3
"""Builds the aggregator's test fixtures with real writers: openpyxl (Debian python3-openpyxl),
LibreOffice (soffice), python-docx, and a few
hand-written packages for what exporters write (inline strings, prefixed XML, a zip bomb, an
encrypted OLE2 container).

Run with Debian's python3 from this folder:  /usr/bin/python3 make-fixtures.py
The files are committed; the tests read them and never run this script.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

sys.dont_write_bytecode = True  # no __pycache__ beside the committed fixtures
from fixture_table import HEADER, HERE, TITLE, out, table_sheet  # noqa: E402


def soffice(source, target_format, outdir, infilter=None):
    command = ['soffice', '--headless', '--norestore']
    if infilter:
        command.append(f'--infilter={infilter}')
    command += ['--convert-to', target_format, '--outdir', outdir, source]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


def libreoffice_convert(source_text, source_name, target_ext, target_name, infilter=None, encoding='utf-8'):
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, source_name)
        with open(source, 'w', encoding=encoding) as handle:
            handle.write(source_text)
        soffice(source, target_ext, work, infilter)
        produced = os.path.join(work, os.path.splitext(source_name)[0] + '.' + target_ext.split(':')[0])
        shutil.copy(produced, out(target_name))


# 1. openpyxl: absolute part names (/xl/worksheets/sheet1.xml), shared strings, a real date cell.
def openpyxl_absolute_paths():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '统计表'
    table_sheet(ws, '尧都区体育局', [
        [1, '尧都区体育中心', '社会体育指导员进社区', '太极拳教学，约80人', '线下', datetime.datetime(2024, 6, 15), '王明', '13912345678', ''],
        [2, '尧都区老年体协', '科学健身大讲堂', '线上讲座', '线上', '2024.7.15-7.19', '李华', '0357-2345678', ''],
    ])
    ws['F4'].number_format = 'yyyy"年"m"月"d"日"'
    wb.save(out('openpyxl-absolute-paths.xlsx'))


# 2. LibreOffice from an HTML table: merged title, organiser merged down three rows, footer rows.
def libreoffice_merged():
    html = f'''<html><head><meta charset="utf-8"></head><body><table border="1">
<tr><td colspan="9">{TITLE}</td></tr>
<tr><td colspan="9">单位名称（盖章）：侯马市文化和旅游局</td></tr>
<tr>{''.join(f'<td>{label}</td>' for label in HEADER)}</tr>
<tr><td>1</td><td rowspan="3">侯马市全民健身中心</td><td>广场舞展演</td><td>社区广场舞</td><td>线下</td><td>2024年6月8日</td><td>赵敏</td><td>0357-4123456</td><td></td></tr>
<tr><td>2</td><td>健步走活动</td><td>沿汾河健步走</td><td>线下</td><td>2024年9月1日</td><td>赵敏</td><td>0357-4123456</td><td></td></tr>
<tr><td>3</td><td>线上健身打卡</td><td>21天打卡</td><td>线上</td><td>2024年10月</td><td>钱进</td><td>13812345678</td><td></td></tr>
<tr><td colspan="2">合计</td><td>3项</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td colspan="4">填表人：赵敏</td><td colspan="5">审核人：孙立</td></tr>
</table></body></html>'''
    libreoffice_convert(html, 'libreoffice-merged.html', 'xlsx', 'libreoffice-merged.xlsx', infilter='HTML (StarCalc)')


# 3. A reporting-system export: prefixed SpreadsheetML (x:), inline strings, formulas with cached
#    results (序号 as =ROW()-3), a formula without a cached value, a 1900-system serial date.
def inline_strings_formulas():
    main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
    rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

    def inline(ref, text):
        return f'<x:c r="{ref}" t="inlineStr"><x:is><x:t>{text}</x:t></x:is></x:c>'

    rows = [
        f'<x:row r="1">{inline("A1", TITLE)}</x:row>',
        f'<x:row r="2">{inline("A2", "单位名称（盖章）：霍州市体育运动中心")}</x:row>',
        '<x:row r="3">' + ''.join(inline(f'{chr(65 + i)}3', label) for i, label in enumerate(HEADER)) + '</x:row>',
        '<x:row r="4"><x:c r="A4"><x:f>ROW()-3</x:f><x:v>1</x:v></x:c>' + inline('B4', '霍州市体育运动中心') + inline('C4', '全民健身日主题活动')
        + inline('D4', '多项目展示') + '<x:c r="E4" t="str"><x:f>"线"&amp;"下"</x:f><x:v>线下</x:v></x:c>'
        + '<x:c r="F4"><x:v>45511</x:v></x:c>' + inline('G4', '周强') + inline('H4', '0357-5212345')
        + '<x:c r="I4" t="str"><x:f>IF(1,"","")</x:f></x:c></x:row>',
        '<x:row r="5"><x:c r="A5"><x:f>ROW()-3</x:f><x:v>2</x:v></x:c>' + inline('B5', '霍州市篮球协会') + inline('C5', '三人篮球赛')
        + inline('D5', '') + inline('E5', '线下') + inline('F5', '2024年8月10日～8月11日') + inline('G5', '吴刚')
        + '<x:c r="H5" t="str"><x:f>"139"&amp;"87654321"</x:f><x:v>13987654321</x:v></x:c></x:row>',
    ]
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="{main}" xmlns:r="{rel}">'
             f'<x:sheetData>{"".join(rows)}</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:I1"/></x:mergeCells></x:worksheet>')
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:workbook xmlns:x="{main}" xmlns:r="{rel}">'
                '<x:sheets><x:sheet name="报表" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>')
    with zipfile.ZipFile(out('inline-strings-formulas.xlsx'), 'w', zipfile.ZIP_DEFLATED) as package:
        package.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        package.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        package.writestr('xl/workbook.xml', workbook)
        package.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        package.writestr('xl/worksheets/sheet1.xml', sheet)


CSV_ROWS = [
    [TITLE],
    ['单位名称（盖章）：曲沃县文化旅游局'],
    HEADER,
    ['1', '曲沃县体育中心', '乒乓球公益培训', '青少年培训', '线下', '2024-06-01', '郑雪', '0357-7012345', ''],
    ['2', '曲沃县太极拳协会', '太极拳推广', '公园教学', '线上+线下', '2024/6/22', '冯涛', '0357 7023456', '周末'],
]


def csv_text(rows):
    return ''.join(','.join(f'"{cell}"' if ',' in cell else cell for cell in row) + '\r\n' for row in rows)


# 4. CSV as Excel on Chinese Windows saves it (GB18030/GBK), and UTF-8 with a BOM.
def csvs():
    with open(out('gbk.csv'), 'wb') as handle:
        handle.write(csv_text(CSV_ROWS).encode('gb18030'))
    rows = [row[:] for row in CSV_ROWS]
    rows[1] = ['单位名称（盖章）：翼城县体育局']
    rows[3][1] = '翼城县体育中心'
    rows[4][1] = '翼城县门球协会'
    with open(out('utf8-bom.csv'), 'wb') as handle:
        handle.write(b'\xef\xbb\xbf' + csv_text(rows).encode('utf-8'))


# 5. Legacy .xls (OLE2) written by LibreOffice, and a password-protected workbook.
def legacy_and_encrypted():
    # 44,34,76: comma-separated, double-quoted, UTF-8 (LibreOffice's default charset is not).
    libreoffice_convert(csv_text(CSV_ROWS), 'legacy.csv', 'xls', 'legacy.xls', infilter='CSV:44,34,76')
    encrypted_container(out('encrypted.xlsx'))


def encrypted_container(target):
    """What Office writes for a workbook with an open password: an OLE2 (CFB) container holding
    EncryptionInfo and EncryptedPackage streams instead of a zip. LibreOffice 7.4 cannot write
    one from the command line, so the container is built here and checked with olefile."""
    import struct
    free, end_of_chain, fat_sector, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    info = struct.pack('<HHI', 4, 4, 0x40) + b'<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'
    info = info.ljust(4096, b'\0')
    package = struct.pack('<Q', 5000) + os.urandom(8184)
    fat = [fat_sector, end_of_chain] + list(range(3, 10)) + [end_of_chain] + list(range(11, 26)) + [end_of_chain]
    fat += [free] * (128 - len(fat))
    header = bytes.fromhex('d0cf11e0a1b11ae1') + b'\0' * 16 + struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6) + b'\0' * 6
    header += struct.pack('<IIIIIIIII', 0, 1, 1, 0, 0x1000, end_of_chain, 0, end_of_chain, 0)
    header += struct.pack('<109I', 0, *([free] * 108))

    def entry(name, kind, left, right, child, start, size):
        encoded = (name + '\0').encode('utf-16-le') if name else b''
        return (encoded.ljust(64, b'\0') + struct.pack('<HBB', len(encoded), kind, 1) + struct.pack('<III', left, right, child)
                + b'\0' * 16 + struct.pack('<I', 0) + b'\0' * 16 + struct.pack('<IQ', start, size))

    directory = (entry('Root Entry', 5, no_stream, no_stream, 1, end_of_chain, 0)
                 + entry('EncryptionInfo', 2, no_stream, 2, no_stream, 2, len(info))
                 + entry('EncryptedPackage', 2, no_stream, no_stream, no_stream, 10, len(package))
                 + entry('', 0, no_stream, no_stream, no_stream, 0, 0))
    with open(target, 'wb') as handle:
        handle.write(header + struct.pack('<128I', *fat) + directory + info + package)
    try:
        import olefile
        with olefile.OleFileIO(target) as ole:
            assert ole.exists('EncryptedPackage') and ole.exists('EncryptionInfo')
    except ImportError:
        pass


# 6. The attachment filled in inside Word: a vMerge'd organiser and a gridSpan footer row.
def word_table():
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph('附件')
    document.add_paragraph(TITLE)
    document.add_paragraph('单位名称（盖章）：襄汾县体育事业发展中心')
    table = document.add_table(rows=1, cols=len(HEADER))
    for index, label in enumerate(HEADER):
        table.rows[0].cells[index].text = label
    data = [
        ['1', '襄汾县体育事业发展中心', '农民运动会', '趣味项目', '线下', '2024年9月23日', '陈晨', '15912345678', ''],
        ['2', '', '健身气功展示', '八段锦', '线下', '2024年10月1日至3日', '陈晨', '0357-3512345转801', ''],
    ]
    for values in data:
        cells = table.add_row().cells
        for index, value in enumerate(values):
            cells[index].text = value
    table.cell(1, 1).merge(table.cell(2, 1))
    table.cell(1, 1).text = '襄汾县体育事业发展中心'
    footer = table.add_row().cells
    footer[0].merge(footer[3]).text = '填表人：陈晨'
    footer[4].merge(footer[8]).text = '审核人：刘洋'
    document.add_paragraph('注：举办方式填写线上或线下。')
    document.save(out('word-table.docx'))


# 6b. A Word table split by page breaks: the second part repeats the header, the third has none;
#     the unit line is there only once.
def word_split_table():
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph('单位名称（盖章）：浮山县文化和旅游局')
    parts = [
        (True, ['1', '浮山县体育中心', '天坛山登山', '', '线下', '2024年6月16日', '罗杰', '0357-8823456', '']),
        (True, ['2', '浮山县体育中心', '篮球联赛', '', '线下', '2024年8月3日', '罗杰', '0357-8823456', '']),
        (False, ['3', '浮山县老年体协', '门球赛', '', '线下', '2024年9月7日', '罗杰', '0357-8823456', '']),
    ]
    for index, (with_header, values) in enumerate(parts):
        table = document.add_table(rows=2 if with_header else 1, cols=len(HEADER))
        if with_header:
            for column, label in enumerate(HEADER):
                table.rows[0].cells[column].text = label
        for column, value in enumerate(values):
            table.rows[-1].cells[column].text = value
        if index < len(parts) - 1:
            document.add_page_break()
    document.save(out('word-split-table.docx'))


# 6c. Our own template (JianshenTemplate defined name) filled for another campaign, saved by openpyxl.
def template_other_campaign():
    from openpyxl.workbook.defined_name import DefinedName

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '统计表'
    table_sheet(ws, '汾西县体育局', [[1, '汾西县体育中心', '健身操比赛', '', '线下', '2024年7月7日', '田野', '13212345678', '']])
    marker = '"{""kit"":""jianshen"",""version"":1,""campaign"":""yuncheng-2023"",""fingerprint"":""0badf00d""}"'
    wb.defined_names.append(DefinedName('JianshenTemplate', attr_text=marker))
    wb.save(out('template-other-campaign.xlsx'))


# 7. Broken inputs: truncated, empty, a picture renamed .xlsx, a workbook with no table, a zip bomb.
def broken():
    with open(out('openpyxl-absolute-paths.xlsx'), 'rb') as handle:
        data = handle.read()
    with open(out('truncated.xlsx'), 'wb') as handle:
        handle.write(data[: len(data) // 2])
    open(out('empty.xlsx'), 'wb').close()
    png = (b'\x89PNG\r\n\x1a\n' + bytes.fromhex('0000000d49484452000000010000000108060000001f15c489')
           + bytes.fromhex('0000000d49444154789c6300010000050001') + b'\x0d\x0a\x2d\xb4' + bytes.fromhex('0000000049454e44ae426082'))
    with open(out('picture.xlsx'), 'wb') as handle:
        handle.write(png)
    wb = openpyxl.Workbook()
    wb.active.title = '说明'
    wb.active.append(['本表无数据'])
    wb.save(out('no-table.xlsx'))
    # A sheet that inflates to 512 MiB of spaces: its declared size gives it away before inflating.
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b' ' * (1 << 20)
    body = b''.join(compressor.compress(chunk) for _ in range(512)) + compressor.flush()
    with zipfile.ZipFile(out('openpyxl-absolute-paths.xlsx')) as source, zipfile.ZipFile(out('zip-bomb.xlsx'), 'w', zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            if item.filename != 'xl/worksheets/sheet1.xml':
                bomb.writestr(item, source.read(item.filename))
        info = zipfile.ZipInfo('xl/worksheets/sheet1.xml', date_time=(2024, 5, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size = 512 << 20
        info.compress_size = len(body)
        info.CRC = 0
        bomb.fp.seek(bomb.start_dir)
        info.header_offset = bomb.fp.tell()
        bomb.fp.write(info.FileHeader(False))
        bomb.fp.write(body)
        bomb.start_dir = bomb.fp.tell()
        bomb.filelist.append(info)
        bomb.NameToInfo[info.filename] = info


# 8. Data behind an instructions sheet; several units' tables in one file (LibreOffice from CSV).
def layouts():
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = '填表说明'
    for line in ['填表说明', '1. 活动名称：填写活动的正式名称', '2. 举办时间：如 2024年6月15日', '3. 联系方式：手机或带区号的固定电话']:
        notes.append([line])
    ws = wb.create_sheet('统计表')
    table_sheet(ws, '古县体育局', [
        [1, '古县体育中心', '牡丹文化节健步走', '健步走', '线下', '2024年6月9日', '黄蕾', '13712345678', ''],
    ])
    wb.save(out('instructions-first.xlsx'))

    rows = [[TITLE], ['单位名称（盖章）：安泽县体育局'], HEADER,
            ['1', '安泽县体育中心', '登山健身活动', '群众登山', '线下', '2024年7月6日', '何平', '0357-8523456', ''],
            [], [TITLE], ['单位名称（盖章）：浮山县体育局'], HEADER,
            ['1', '浮山县体育中心', '篮球联赛', '乡镇联赛', '线下', '2024年8月3日', '罗杰', '0357-8823456', ''],
            ['2', '浮山县体育中心', '线上健身课', '直播课', '线上', '2024年8月20日', '罗杰', '0357-8823456', '']]
    libreoffice_convert(csv_text(rows), 'two-units.csv', 'xlsx', 'two-units.xlsx', infilter='CSV:44,34,76,1,,2052,true,true')


# 9. Two header rows (a group header over 活动名称/活动简介, 联系人 split into 姓名/联系电话).
def two_row_header():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Sheet1'
    ws.append([TITLE])
    ws.merge_cells('A1:I1')
    ws.append(['单位名称（盖章）：', '大宁县体育运动发展中心'])
    ws.append(['序号', '举办单位', '活动信息', None, '举办方式', '举办时间', '联系人', None, '备注'])
    ws.append([None, None, '活动名称', '活动简介', None, None, '姓名', '联系电话', None])
    for column in 'ABEFI':
        ws.merge_cells(f'{column}3:{column}4')
    ws.merge_cells('C3:D3')
    ws.merge_cells('G3:H3')
    ws.append([1, '大宁县体育运动发展中心', '黄河健身走', '沿黄健步', '线下', '2024年6月22日', '孟飞', '13612345678', ''])
    ws.append([2, '大宁县体育运动发展中心', '线上瑜伽课', '每周两次', '线上', '2024年7月1日至8月31日', '孟飞', '13612345678', ''])
    wb.save(out('two-row-header.xlsx'))


# 10. Header wording as clerks change it, columns reordered, an extra column (LibreOffice from CSV).
def header_variants():
    rows = [[TITLE], ['填报单位：隰县体育中心'],
            ['序 号', '活动名称', '举办单位', '举办方式（线上/线下）', '活动时间', '联系电话', '联系人', '活动内容', '参与人数', '备 注'],
            ['1', '全民健身月启动仪式', '隰县体育中心', '线 下', '2024年8月8日', '0357-7312345', '邓超', '启动仪式', '300', ''],
            ['2', '梨花节健身跑', '隰县田径协会', '现场', '2024年6月16日', '13512345678', '邓超', '健身跑', '500', '']]
    libreoffice_convert(csv_text(rows), 'header-variants.csv', 'xlsx', 'header-variants.xlsx', infilter='CSV:44,34,76,1,,2052,true,true')


# 11. An example row, blank rows in the middle, footer rows (openpyxl).
def blank_footer_example():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '统计表'
    table_sheet(ws, '永和县文体局', [
        ['示例', '××县体育中心', '社会体育指导员进社区', '太极拳教学', '线下', '2024年6月15日', '王明', '13912345678', '示例行，请勿删除'],
        [1, '永和县体育中心', '乾坤湾徒步', '徒步活动', '线下', '2024年9月14日', '乔丹', '13312345678', ''],
        [None, None, None, None, None, None, None, None, None],
        [None, None, None, None, None, None, None, None, None],
        [2, '永和县老年体协', '门球友谊赛', '门球', '线下', '2024年10月12日', '乔丹', '13312345678', ''],
        ['合计', None, '2项', None, None, None, None, None, None],
        ['填表人：乔丹', None, None, None, '审核人：白云', None, None, None, '填报日期：2024年5月20日'],
        [None] * 9,
        [None] * 9,
    ])
    wb.save(out('blank-footer-example.xlsx'))


# 12. Dates as clerks type them, in a 1900 workbook and in a 1904 (Mac Excel) workbook.
DATE_CASES = [
    ('real date cell', datetime.datetime(2024, 6, 15), '2024-06-15', '2024-06-15'),
    ('serial in General cell', 45458, '2024-06-15', '2024-06-15'),
    ('年月日', '2024年6月15日', '2024-06-15', '2024-06-15'),
    ('dots', '2024.6.15', '2024-06-15', '2024-06-15'),
    ('slashes', '2024/6/15', '2024-06-15', '2024-06-15'),
    ('iso', '2024-06-15', '2024-06-15', '2024-06-15'),
    ('compact', '20240615', '2024-06-15', '2024-06-15'),
    ('no year', '6月15日', '2024-06-15', '2024-06-15'),
    ('range dash', '2024.7.15-7.19', '2024-07-15', '2024-07-19'),
    ('range 至', '7月1日至5日', '2024-07-01', '2024-07-05'),
    ('range tilde', '2024年8月1日～8月3日', '2024-08-01', '2024-08-03'),
    ('range em dash', '2024年8月1日—8月3日', '2024-08-01', '2024-08-03'),
    ('whole month', '2024年10月', '2024-10-01', '2024-10-31'),
    ('full-width', '２０２４年６月１５日', '2024-06-15', '2024-06-15'),
]


def dates():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '统计表'
    rows = []
    for index, (label, value, _start, _end) in enumerate(DATE_CASES, start=1):
        rows.append([index, '汾西县体育中心', f'日期{index}：{label}', '', '线下', value, '田野', '13212345678', ''])
    rows.append([len(rows) + 1, '汾西县体育中心', '日期错误：2月30日', '', '线下', '2024年2月30日', '田野', '13212345678', ''])
    rows.append([len(rows) + 1, '汾西县体育中心', '日期超期：12月5日', '', '线下', '2024年12月5日', '田野', '13212345678', ''])
    table_sheet(ws, '汾西县体育局', rows)
    ws['F4'].number_format = 'yyyy"年"m"月"d"日"'
    wb.save(out('dates.xlsx'))

    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = '统计表'
    table_sheet(ws, '蒲县体育局', [
        [1, '蒲县体育中心', '1904日期单元格', '', '线下', datetime.datetime(2024, 6, 15), '石磊', '13112345678', ''],
        # 44000 in the 1904 system is 2024-06-19 (1904-01-01 + 44000 days).
        [2, '蒲县体育中心', '1904常规序列号', '', '线下', 44000, '石磊', '13112345678', ''],
    ])
    ws['F4'].number_format = 'yyyy/m/d'
    wb.save(out('dates-1904.xlsx'))


# 13. 举办方式 and 联系方式 as typed, full-width characters, numbers stored as numbers.
MODE_CASES = [('线上', 'online'), ('线下', 'offline'), ('线 下', 'offline'), ('线上线下', 'hybrid'), ('线上、线下', 'hybrid'),
              ('线上+线下', 'hybrid'), ('online', 'online'), ('Offline', 'offline'), ('现场', 'offline'), ('线　下', 'offline')]
PHONE_CASES = [
    ('13912345678', ['13912345678']),
    ('0357-1234567', ['0357-1234567']),
    ('(0357)1234567', ['0357-1234567']),
    ('0357 1234567', ['0357-1234567']),
    ('0357-1234567转801', ['0357-1234567转801']),
    ('0357-1234567-801', ['0357-1234567转801']),
    ('13912345678、0357-1234567', ['13912345678', '0357-1234567']),
    ('１３９１２３４５６７８', ['13912345678']),
    (13912345678, ['13912345678']),
    ('2345678', ['0357-2345678']),
]


def modes_phones():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '统计表'
    rows = []
    for index, (mode, _expected) in enumerate(MODE_CASES, start=1):
        rows.append([index, '吉县体育中心', f'方式{index}', '', mode, f'2024年6月{index}日', '马力', '13012345678', ''])
    for index, (phone, _expected) in enumerate(PHONE_CASES, start=1):
        rows.append([len(rows) + 1, '吉县体育中心', f'电话{index}', '', '线下', f'2024年7月{index}日', '马力', phone, ''])
    rows.append([len(rows) + 1, '吉县体育中心', '错误：方式', '', '电视', '2024年8月1日', '马力', '13012345678', ''])
    rows.append([len(rows) + 1, '吉县体育中心', '错误：科学计数法', '', '线下', '2024年8月2日', '马力', 1.39e10, ''])
    rows.append([len(rows) + 1, '吉县体育中心', '警告：丢了0', '', '线下', '2024年8月3日', '马力', 3571234567, ''])
    rows.append([len(rows) + 1, '吉县体育中心', '错误：无电话', '', '线下', '2024年8月4日', '马力', '无', ''])
    rows.append([len(rows) + 1, '吉县体育中心', '', '缺活动名称', '线下', '2024年8月5日', '马力', '13012345678', ''])
    rows.append([len(rows) + 1, 'ＡＢＣ健身俱乐部', '全角字母　活动', '', '线下', '2024年8月6日', '马力', '13012345678', ''])
    table_sheet(ws, '吉县体育局', rows)
    wb.save(out('modes-phones.xlsx'))


# 14. Rich text (part of a cell bold) and a hyperlink cell: LibreOffice from HTML writes both
#     (openpyxl 3.0 cannot write rich text).
def rich_text():
    html = f'''<html><head><meta charset="utf-8"></head><body><table border="1">
<tr><td colspan="9">{TITLE}</td></tr>
<tr><td colspan="9">单位名称（盖章）：乡宁县体育局</td></tr>
<tr>{''.join(f'<td>{label}</td>' for label in HEADER)}</tr>
<tr><td>1</td><td>乡宁县体育中心</td><td><b>云丘山</b>登山节</td><td>详见<i>链接</i></td><td>线下</td><td>2024年6月29日</td><td>韩梅</td><td>13812340000</td><td><a href="https://example.org/report">活动报道</a></td></tr>
</table></body></html>'''
    libreoffice_convert(html, 'rich-text-hyperlink.html', 'xlsx', 'rich-text-hyperlink.xlsx', infilter='HTML (StarCalc)')


# 15. Duplicates within one file; a unit that re-sent a corrected file.
def duplicates_and_resent():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '统计表'
    table_sheet(ws, '洪洞县体育局', [
        [1, '洪洞县体育中心', '大槐树寻根健步走', '', '线下', '2024年6月1日', '杨帆', '13512340000', ''],
        [2, '洪洞县体育中心', '大槐树寻根健步走', '', '线下', '2024-06-01', '杨帆', '13512340000', '重复填写'],
        [3, '尧都区体育中心', '社会体育指导员进社区', '与尧都区重复', '线下', '2024年6月15日', '杨帆', '13512340000', ''],
    ])
    wb.save(out('duplicates.xlsx'))
    for name, rows in [
        ('resent-old.xlsx', [[1, '侯马市全民健身中心', '广场舞展演', '', '线下', '2024年6月8日', '赵敏', '0357-4123456', '']]),
        ('resent-new.xlsx', [[1, '侯马市全民健身中心', '广场舞展演', '', '线下', '2024年6月8日', '赵敏', '0357-4123456', ''],
                             [2, '侯马市全民健身中心', '健步走活动', '', '线下', '2024年9月1日', '赵敏', '0357-4123456', '']]),
    ]:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = '统计表'
        table_sheet(ws, '侯马市文化和旅游局', rows)
        wb.save(out(name))


def main():
    steps = [openpyxl_absolute_paths, libreoffice_merged, inline_strings_formulas, csvs, word_table, word_split_table, template_other_campaign, broken, layouts,
             two_row_header, header_variants, blank_footer_example, dates, modes_phones, rich_text, duplicates_and_resent,
             legacy_and_encrypted]
    for step in steps:
        step()
        print('ok', step.__name__)


if __name__ == '__main__':
    sys.exit(main())
