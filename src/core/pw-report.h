/* pw-report.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "pw-report-draft.h"
#include "pw-types.h"

G_BEGIN_DECLS

/**
 * PwReportBlockKind:
 * @PW_REPORT_BLOCK_TITLE: the title page: @text is the report's title, @rows
 *   its facts as (label, value) pairs (organization, scope, date, …)
 * @PW_REPORT_BLOCK_HEADING: a heading: @level 1 (a section) or 2 (a part of
 *   one) go into the table of contents and the PDF outline, 3 does not;
 *   @text, and @anchor, an id unique in the report
 * @PW_REPORT_BLOCK_MARKDOWN: @text is Markdown that the facilitator wrote
 * @PW_REPORT_BLOCK_PARAGRAPH: @text is plain text
 * @PW_REPORT_BLOCK_NOTICE: @text is plain text that must stand out (a
 *   preliminary result, a cap and its reason)
 * @PW_REPORT_BLOCK_FACTS: @text an optional caption (a question); @rows its
 *   (label, value) pairs (the answer, a note, the evidence…)
 * @PW_REPORT_BLOCK_TABLE: @text an optional caption, @columns the header,
 *   @rows one row of as many cells as there are columns
 * @PW_REPORT_BLOCK_LIST: @rows: one item of a single cell each
 * @PW_REPORT_BLOCK_RADAR: a radar chart of @n_axes axes: @labels, @current
 *   and @previous (%NULL for one series) scores from 1 to 5, NAN where a
 *   dimension has no score, and the series' names @current_name and
 *   @previous_name
 * @PW_REPORT_BLOCK_MAP: the organization map of the report's workbook, as of
 *   the report's date, recorded when the block was added: @picture, a cairo
 *   recording surface of @picture_width × @picture_height units, and
 *   @picture_svg, the same picture as an SVG document; @text is its caption
 *
 * What a block of a report holds.  Every text is the user's or the
 * application's as it is: a renderer escapes it for its format.
 */
typedef enum
{
  PW_REPORT_BLOCK_TITLE,
  PW_REPORT_BLOCK_HEADING,
  PW_REPORT_BLOCK_MARKDOWN,
  PW_REPORT_BLOCK_PARAGRAPH,
  PW_REPORT_BLOCK_NOTICE,
  PW_REPORT_BLOCK_FACTS,
  PW_REPORT_BLOCK_TABLE,
  PW_REPORT_BLOCK_LIST,
  PW_REPORT_BLOCK_RADAR,
  PW_REPORT_BLOCK_MAP,
} PwReportBlockKind;

typedef struct
{
  PwReportBlockKind  kind;
  guint              level;
  char              *text;
  char              *anchor;
  GStrv              columns;
  GPtrArray         *rows;            /* of GStrv */
  guint              n_axes;
  GStrv              labels;
  double            *current;
  double            *previous;
  char              *current_name;
  char              *previous_name;
  cairo_surface_t   *picture;         /* MAP: a recording surface */
  double             picture_width;
  double             picture_height;
  GBytes            *picture_svg;     /* MAP: the picture as SVG */
} PwReportBlock;

#define PW_TYPE_REPORT (pw_report_get_type ())

G_DECLARE_FINAL_TYPE (PwReport, pw_report, PW, REPORT, GObject)

PwReport            *pw_report_new            (PwWorkbook          *workbook,
                                               const char          *title,
                                               const GDate         *date);
PwWorkbook          *pw_report_get_workbook   (PwReport            *self);
const char          *pw_report_get_title      (PwReport            *self);
const GDate         *pw_report_get_date       (PwReport            *self);
PwAssessment        *pw_report_get_assessment (PwReport            *self);
void                 pw_report_set_assessment (PwReport            *self,
                                               PwAssessment        *assessment);
guint                pw_report_get_n_blocks   (PwReport            *self);
const PwReportBlock *pw_report_get_block      (PwReport            *self,
                                               guint                index);

/* Building a report by hand (the builder and the tests) */
void                 pw_report_add_title      (PwReport            *self,
                                               const char          *title,
                                               const char * const  *labels_and_values);
const char          *pw_report_add_heading    (PwReport            *self,
                                               guint                level,
                                               const char          *text);
void                 pw_report_add_markdown   (PwReport            *self,
                                               const char          *markdown);
void                 pw_report_add_paragraph  (PwReport            *self,
                                               const char          *text);
void                 pw_report_add_notice     (PwReport            *self,
                                               const char          *text);
void                 pw_report_add_facts      (PwReport            *self,
                                               const char          *caption,
                                               const char * const  *labels_and_values);
void                 pw_report_add_table      (PwReport            *self,
                                               const char          *caption,
                                               const char * const  *columns,
                                               GPtrArray           *rows);
void                 pw_report_add_list       (PwReport            *self,
                                               const char * const  *items);
void                 pw_report_add_radar      (PwReport            *self,
                                               guint                n_axes,
                                               const char * const  *labels,
                                               const double        *current,
                                               const char          *current_name,
                                               const double        *previous,
                                               const char          *previous_name);
gboolean             pw_report_add_map        (PwReport            *self,
                                               const char          *caption,
                                               GError             **error);

/* pw-report-builder.c: the report of a workbook */
PwReport            *pw_report_build          (PwWorkbook          *workbook,
                                               PwReportDraft       *draft,
                                               const char          *assessment_id,
                                               const GDate         *today,
                                               GError             **error);

G_END_DECLS
