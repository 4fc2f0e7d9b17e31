/* pw-report-draft.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pw-types.h"

G_BEGIN_DECLS

#define PW_TYPE_REPORT_DRAFT (pw_report_draft_get_type ())

G_DECLARE_FINAL_TYPE (PwReportDraft, pw_report_draft, PW, REPORT_DRAFT, GObject)

PwReportDraft *pw_report_draft_new               (const char    *id);
const char    *pw_report_draft_get_commentary    (PwReportDraft *self,
                                                  const char    *dimension_id);
void           pw_report_draft_set_commentary    (PwReportDraft *self,
                                                  const char    *dimension_id,
                                                  const char    *text);
GStrv          pw_report_draft_list_commentary   (PwReportDraft *self);
const char    *pw_report_draft_get_id            (PwReportDraft *self);
const char    *pw_report_draft_get_assessment_id (PwReportDraft *self);
void           pw_report_draft_set_assessment_id (PwReportDraft *self,
                                                  const char    *assessment_id);
const char    *pw_report_draft_get_title         (PwReportDraft *self);
void           pw_report_draft_set_title         (PwReportDraft *self,
                                                  const char    *title);
const char    *pw_report_draft_get_summary       (PwReportDraft *self);
void           pw_report_draft_set_summary       (PwReportDraft *self,
                                                  const char    *summary);

/* The sections a report may hold, in their order; a draft omits some.
 * The title page and the table of contents are always there. */
#define PW_REPORT_SECTION_SUMMARY    "summary"     /* the executive summary */
#define PW_REPORT_SECTION_RESULT     "result"      /* overall, confidence, weakest link, caps */
#define PW_REPORT_SECTION_RADAR      "radar"       /* the radar chart */
#define PW_REPORT_SECTION_DIMENSIONS "dimensions"  /* per dimension: result and commentary */
#define PW_REPORT_SECTION_ANSWERS    "answers"     /* every answer, note and evidence */
#define PW_REPORT_SECTION_NEXT_STEPS "next-steps"
#define PW_REPORT_SECTION_COMPARISON "comparison"  /* against the draft's compare-id */
#define PW_REPORT_SECTION_HISTORY    "history"     /* the rounds of the scope */
#define PW_REPORT_SECTION_MAP        "map"         /* the map's picture and its model */
#define PW_REPORT_SECTION_TEAMS      "teams"       /* the teams overview */
#define PW_REPORT_SECTION_POLICY     "policy"      /* the checklist as of the assessment's date */

const char * const *pw_report_sections                 (void);
const char         *pw_report_section_get_title        (const char    *section);

gboolean       pw_report_draft_get_section_included    (PwReportDraft *self,
                                                        const char    *section);
void           pw_report_draft_set_section_included    (PwReportDraft *self,
                                                        const char    *section,
                                                        gboolean       included);
const char * const *pw_report_draft_get_omitted_sections (PwReportDraft *self);
void           pw_report_draft_set_omitted_sections    (PwReportDraft *self,
                                                        const char * const *sections);
const char    *pw_report_draft_get_compare_id          (PwReportDraft *self);
void           pw_report_draft_set_compare_id          (PwReportDraft *self,
                                                        const char    *assessment_id);

G_END_DECLS
