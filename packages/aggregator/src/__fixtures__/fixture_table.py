"""What the fixture scripts of this folder share: where they write, and the Linfen statistics table
as a county lays it out (title merged over the columns, 单位名称（盖章） line, header, rows).
Imported by make-fixtures.py and make-format-fixtures.py (Python puts this folder on the path)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ['序号', '举办单位', '活动名称', '活动简介', '举办方式（线上、线下）', '举办时间', '联系人', '联系方式', '备注']
TITLE = '2024年全民健身志愿服务活动统计表'


def out(name):
    return os.path.join(HERE, name)


def table_sheet(ws, unit, rows, title=TITLE):
    """Appends the table to an openpyxl sheet; `unit=None` leaves out the 单位名称（盖章） line."""
    ws.append([title])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(HEADER))
    if unit is not None:
        ws.append([f'单位名称（盖章）：{unit}'])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
