/* pw-workbook.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pw-answer.h"
#include "pw-assessment.h"
#include "pw-framework.h"
#include "pw-org-map.h"
#include "pw-policy.h"
#include "pw-report-draft.h"
#include "pw-team.h"

G_BEGIN_DECLS

#define PW_WORKBOOK_FORMAT          "phasewise-workbook"
#define PW_WORKBOOK_FORMAT_VERSION  1
#define PW_WORKBOOK_SCOPE_ORGANIZATION "organization"

#define PW_TYPE_WORKBOOK (pw_workbook_get_type ())

G_DECLARE_FINAL_TYPE (PwWorkbook, pw_workbook, PW, WORKBOOK, GObject)

PwWorkbook   *pw_workbook_new                   (PwFramework   *framework);
PwFramework  *pw_workbook_get_framework         (PwWorkbook    *self);
const char   *pw_workbook_get_name              (PwWorkbook    *self);
void          pw_workbook_set_name              (PwWorkbook    *self,
                                                 const char    *name);
const char   *pw_workbook_get_industry          (PwWorkbook    *self);
void          pw_workbook_set_industry          (PwWorkbook    *self,
                                                 const char    *industry);
const char   *pw_workbook_get_size              (PwWorkbook    *self);
void          pw_workbook_set_size              (PwWorkbook    *self,
                                                 const char    *size);
const char   *pw_workbook_get_region            (PwWorkbook    *self);
void          pw_workbook_set_region            (PwWorkbook    *self,
                                                 const char    *region);
gboolean      pw_workbook_get_modified          (PwWorkbook    *self);
void          pw_workbook_set_modified          (PwWorkbook    *self,
                                                 gboolean       modified);
GListModel   *pw_workbook_get_assessments       (PwWorkbook    *self);
PwAssessment *pw_workbook_find_assessment       (PwWorkbook    *self,
                                                 const char    *id);
void          pw_workbook_add_assessment        (PwWorkbook    *self,
                                                 PwAssessment  *assessment);
void          pw_workbook_insert_assessment     (PwWorkbook    *self,
                                                 guint          position,
                                                 PwAssessment  *assessment);
void          pw_workbook_remove_assessment     (PwWorkbook    *self,
                                                 PwAssessment  *assessment);
PwAssessment *pw_workbook_start_assessment      (PwWorkbook    *self,
                                                 const char    *team_id);
char         *pw_workbook_default_round_label   (PwWorkbook    *self,
                                                 PwAssessment  *assessment);
void          pw_workbook_set_assessment_scope  (PwWorkbook    *self,
                                                 PwAssessment  *assessment,
                                                 const char    *team_id);
PwAssessment *pw_workbook_get_previous_round    (PwWorkbook    *self,
                                                 PwAssessment  *assessment);
PwAssessment *pw_workbook_find_latest_assessment (PwWorkbook   *self,
                                                 const char    *team_id);
char         *pw_workbook_describe_scope        (PwWorkbook    *self,
                                                 PwAssessment  *assessment);
PwOrgMap     *pw_workbook_get_org_map           (PwWorkbook    *self);
PwTeam       *pw_workbook_add_team              (PwWorkbook    *self,
                                                 PwTeamKind     kind,
                                                 const char    *name,
                                                 int            x,
                                                 int            y);
guint         pw_workbook_count_team_assessments (PwWorkbook   *self,
                                                 const char    *team_id);
void          pw_workbook_delete_teams          (PwWorkbook    *self,
                                                 PwTeam * const *teams,
                                                 guint          n_teams);
void          pw_workbook_move_teams            (PwWorkbook    *self,
                                                 PwTeam * const *teams,
                                                 guint          n_teams,
                                                 int            dx,
                                                 int            dy);
PwPolicy     *pw_workbook_get_policy            (PwWorkbook    *self);
GListModel   *pw_workbook_get_reports           (PwWorkbook    *self);
PwReportDraft *pw_workbook_find_report          (PwWorkbook    *self,
                                                 const char    *id);
void          pw_workbook_add_report            (PwWorkbook    *self,
                                                 PwReportDraft *report);
void          pw_workbook_remove_report         (PwWorkbook    *self,
                                                 PwReportDraft *report);
guint64       pw_workbook_get_generation        (PwWorkbook    *self);
void          pw_workbook_begin_edit            (PwWorkbook    *self,
                                                 const char    *label);
void          pw_workbook_end_edit              (PwWorkbook    *self);

G_END_DECLS
