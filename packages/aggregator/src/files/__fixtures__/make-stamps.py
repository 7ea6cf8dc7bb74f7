#!/usr/bin/python3
"""Builds the stamped-copy (盖章件) fixtures with real writers: the kit's own template
(`jianshen template`, from the built CLI), filled with openpyxl (Debian python3-openpyxl) as
吉县 would fill it, printed to PDF by LibreOffice (soffice), then rasterised by poppler's
pdftoppm into the JPEG and PNG a scanner or phone would send, and the JPEG written as HEIC (an
iPhone photo's format) by libheif's heif-enc (Debian libheif-examples).

Run with Debian's python3 from this folder, after `npm run build`:  /usr/bin/python3 make-stamps.py
The files are committed; the tests read them and never run this script.
"""
import datetime
import os
import shutil
import subprocess
import tempfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, '..', '..', '..', '..', '..'))
CLI = os.path.join(REPO, 'packages', 'cli', 'dist', 'bin.js')

ROWS = [
    ['吉县全民健身中心', '壶口健步走', '沿黄河健步走，约200人', '线下', datetime.datetime(2024, 6, 15), '张伟', '13912345678'],
    ['吉县老年体协', '太极拳公益课', '线上直播教学', '线上', '2024.7.15-7.19', '刘芳', '0357-7922345'],
]


def run(command, cwd):
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


def filled_template(work):
    """The kit's template with the unit line and two activities filled in, as a clerk does."""
    template = os.path.join(work, 'template.xlsx')
    run(['node', CLI, 'template', '--rows', '4', '-o', template], work)
    wb = openpyxl.load_workbook(template)
    ws = wb.worksheets[0]
    header_row = None
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith('单位名称'):
                cell.value = '单位名称（盖章）：吉县文化和旅游局'
            if cell.value == '活动名称':
                header_row = cell.row
    for offset, values in enumerate(ROWS):
        row = header_row + 1 + offset
        for column, value in enumerate(values, start=2):
            ws.cell(row=row, column=column).value = value
    filled = os.path.join(work, 'filled.xlsx')
    wb.save(filled)
    return filled


def main():
    with tempfile.TemporaryDirectory() as work:
        filled = filled_template(work)
        run(['soffice', '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, filled], work)
        pdf = os.path.join(work, 'filled.pdf')
        shutil.copy(pdf, os.path.join(HERE, '吉县-盖章件.pdf'))
        # 60 dpi keeps the committed images small; the tests need real encoders' bytes, not detail.
        run(['pdftoppm', '-jpeg', '-r', '60', '-singlefile', pdf, os.path.join(work, 'scan')], work)
        shutil.copy(os.path.join(work, 'scan.jpg'), os.path.join(HERE, 'scan.jpg'))
        run(['pdftoppm', '-png', '-r', '40', '-singlefile', pdf, os.path.join(work, 'scan')], work)
        shutil.copy(os.path.join(work, 'scan.png'), os.path.join(HERE, 'scan.png'))
        run(['pdftoppm', '-tiff', '-tiffcompression', 'lzw', '-r', '30', '-singlefile', pdf, os.path.join(work, 'scan')], work)
        shutil.copy(os.path.join(work, 'scan.tif'), os.path.join(HERE, 'scan.tif'))
        # An iPhone sends HEIC: HEVC stills in a HEIF container. libheif's heif-enc (Debian
        # libheif-examples, x265 encoder) writes the same container from the scanned JPEG.
        run(['heif-enc', '-q', '40', '-o', os.path.join(HERE, 'scan.heic'), os.path.join(HERE, 'scan.jpg')], work)


if __name__ == '__main__':
    main()
