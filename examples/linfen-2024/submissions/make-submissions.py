#!/usr/bin/python3
"""Sample county submissions for the Linfen 2024 example, written the way counties really send them:
openpyxl and LibreOffice workbooks, a GBK CSV from Excel on Chinese Windows and a table filled in
Word, with merged cells, a two-row header, footer and example rows, odd dates and phones, and a
few deliberate mistakes for the issues list.

Run with Debian's python3 (python3-openpyxl, python3-docx) and LibreOffice installed:
    /usr/bin/python3 examples/linfen-2024/submissions/make-submissions.py
The generated files are committed; this script documents how they were made.
"""
import datetime
import os
import shutil
import subprocess
import tempfile

import docx
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
TITLE = '2024年全民健身志愿服务活动统计表'
HEADER = ['序号', '举办单位', '活动名称', '活动简介', '举办方式（线上、线下）', '举办时间', '联系人', '联系方式', '备注']


def out(name):
    return os.path.join(HERE, name)


def libreoffice(source_text, source_name, target_name, infilter, encoding='utf-8'):
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, source_name)
        with open(source, 'w', encoding=encoding) as handle:
            handle.write(source_text)
        subprocess.run(['soffice', '--headless', '--norestore', f'--infilter={infilter}', '--convert-to', 'xlsx',
                        '--outdir', work, source], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        shutil.copy(os.path.join(work, os.path.splitext(source_name)[0] + '.xlsx'), out(target_name))


def yaodu():
    """尧都区 (openpyxl): the template's example row left in, 举办单位 merged over three rows,
    a real date cell, a phone stored as a number, footer rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '统计表'
    ws.append([TITLE])
    ws.merge_cells('A1:I1')
    ws.append(['单位名称（盖章）：临汾市尧都区文化和旅游局'])
    ws.append(HEADER)
    ws.append(['示例', '××县体育中心', '社会体育指导员进社区健身指导', '太极拳教学', '线下', '2024年6月15日', '王明', '13912345678', ''])
    ws.append([1, '尧都区全民健身服务中心', '社会体育指导员进社区', '鼓楼社区太极拳教学和科学健身讲座，约80人', '线下',
               datetime.datetime(2024, 6, 15), '王明', 13912345678, ''])
    ws.append([2, None, '“全民健身日”主题活动', '体质测定、健身咨询', '线下', '2024年8月8日', '王明', '0357-2021234', ''])
    ws.append([3, None, '线上健身大讲堂', '每周一期直播', '线上', '2024年7月1日至8月31日', '李华', '0357 2025678转801', ''])
    ws.merge_cells('B5:B7')
    ws['F5'].number_format = 'yyyy"年"m"月"d"日"'
    ws.append([4, '尧都区老年体协', '门球友谊赛', '城乡老年门球队', '线 下', '2024.9.20-9.22', '赵刚', '139 1234 5670', ''])
    ws.append([])
    ws.append(['填表人：李华', None, None, '审核人：张伟', None, None, '填报日期：2024年5月24日'])
    wb.save(out('尧都区.xlsx'))


def houma():
    """侯马市 (LibreOffice from an HTML table): two header rows (联系人 split into 姓名 and 电话),
    a merged organiser, a 合计 row, an impossible date."""
    html = f'''<html><head><meta charset="utf-8"></head><body><table border="1">
<tr><td colspan="9">{TITLE}</td></tr>
<tr><td colspan="9">单位名称（盖章）：侯马市文化和旅游局</td></tr>
<tr><td rowspan="2">序 号</td><td rowspan="2">举办单位</td><td rowspan="2">活动名称</td><td rowspan="2">活动简介</td>
<td rowspan="2">举办方式(线上/线下)</td><td rowspan="2">举办时间</td><td colspan="2">联系人</td><td rowspan="2">备注</td></tr>
<tr><td>姓名</td><td>电话</td></tr>
<tr><td>1</td><td rowspan="2">侯马市全民健身中心</td><td>晋都广场舞展演</td><td>12支社区广场舞队</td><td>线下</td><td>2024年6月8日</td><td>赵敏</td><td>0357-4123456</td><td></td></tr>
<tr><td>2</td><td>汾河健步走</td><td>沿汾河公园健步走</td><td>线下</td><td>2024年9月31日</td><td>赵敏</td><td>0357-4123456</td><td>日期待核</td></tr>
<tr><td>3</td><td>侯马市篮球协会</td><td>三人篮球邀请赛</td><td>线上报名，线下比赛</td><td>线上+线下</td><td>2024年10月</td><td>钱进</td><td>（0357）4161234</td><td></td></tr>
<tr><td colspan="2">合计</td><td>3项</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
</table></body></html>'''
    libreoffice(html, 'houma.html', '侯马市.xlsx', 'HTML (StarCalc)')


def quwo():
    """曲沃县: CSV saved by Excel on Chinese Windows (GBK), dates and phones typed freely."""
    rows = [
        [TITLE],
        ['单位名称（盖章）：曲沃县文化旅游局'],
        HEADER,
        ['1', '曲沃县体育中心', '乒乓球公益培训', '青少年暑期培训', '线下', '2024.7.15-7.19', '郑雪', '0357 7012345', ''],
        ['2', '曲沃县太极拳协会', '太极拳推广', '晋园公园教学', '线上、线下', '7月1日至5日', '冯涛', '１３８１２３４５６７８', '周末'],
        ['3', '曲沃县体育中心', '全民健身运动会', '', '电视直播', '2024年9月', '郑雪', '0357-7012345', ''],
        ['', '', '', '', '', '', '', '', ''],
        ['填表人：郑雪', '', '', '', '', '', '', '', ''],
    ]
    text = ''.join(','.join(rows_cell if ',' not in rows_cell else f'"{rows_cell}"' for rows_cell in row) + '\r\n' for row in rows)
    with open(out('曲沃县.csv'), 'wb') as handle:
        handle.write(text.encode('gb18030'))


def xiangfen():
    """襄汾县: the attachment filled in inside Word; the organiser cell merged down (vMerge)."""
    document = docx.Document()
    document.add_paragraph('附件')
    document.add_paragraph(TITLE)
    document.add_paragraph('单位名称（盖章）：襄汾县体育事业发展中心')
    table = document.add_table(rows=1, cols=len(HEADER))
    table.style = 'Table Grid'
    for index, label in enumerate(HEADER):
        table.rows[0].cells[index].text = label
    for values in [
        ['1', '襄汾县体育事业发展中心', '农民运动会', '拔河、跳绳等趣味项目', '线下', '2024年9月23日', '陈晨', '15912345678', '中国农民丰收节'],
        ['2', '', '健身气功展示', '八段锦、五禽戏', '线下', '2024年10月1日～3日', '陈晨', '0357-3512345转801', ''],
        ['3', '襄汾县老年体协', '', '老年人健身操比赛', '线下', '2024年11月', '刘洋', '13612345678', ''],
    ]:
        cells = table.add_row().cells
        for index, value in enumerate(values):
            cells[index].text = value
    table.cell(1, 1).merge(table.cell(2, 1))
    table.cell(1, 1).text = '襄汾县体育事业发展中心'
    document.add_paragraph('填表人：陈晨        审核人：刘洋')
    document.save(out('襄汾县.docx'))


def huozhou():
    """霍州市 (LibreOffice from CSV): reworded headers in another order, an extra 参与人数 column,
    a blank row in the middle, an activity also reported by 尧都区, a phone Excel turned into 1.39E+10."""
    rows = [
        [TITLE],
        ['填报单位：霍州市体育运动中心'],
        ['序 号', '活动名称', '举办单位', '举办方式（线上/线下）', '活动时间', '联系电话', '联系人', '活动内容', '参与人数', '备 注'],
        ['1', '七里峪登山节', '霍州市体育运动中心', '线下', '2024/6/22', '0357-5212345', '周强', '群众登山', '600', ''],
        ['', '', '', '', '', '', '', '', '', ''],
        ['2', '社会体育指导员进社区', '尧都区全民健身服务中心', '线下', '2024-06-15', '13912345678', '王明', '与尧都区联办', '80', ''],
        ['3', '线上健步走打卡', '霍州市总工会', 'online', '20240801', '1.39E+10', '吴刚', '21天打卡', '1200', ''],
    ]
    text = ''.join(','.join(cell for cell in row) + '\n' for row in rows)
    libreoffice(text, 'huozhou.csv', '霍州市.xlsx', 'CSV:44,34,76,1,,2052,true,true')


if __name__ == '__main__':
    for step in [yaodu, houma, quwo, xiangfen, huozhou]:
        step()
        print('ok', step.__name__)
