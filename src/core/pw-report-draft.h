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

G_END_DECLS
