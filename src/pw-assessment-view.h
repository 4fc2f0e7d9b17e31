/* pw-assessment-view.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_ASSESSMENT_VIEW (pw_assessment_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (PwAssessmentView, pw_assessment_view, PW, ASSESSMENT_VIEW, AdwBin)

struct _PwAssessmentViewClass
{
  AdwBinClass parent_class;

  /* Shows the workbook and assessment just set; @workbook_changed when the
   * workbook is another one.  Every subclass has it. */
  void (*show_assessment) (PwAssessmentView *self,
                           gboolean          workbook_changed);
};

PwWorkbook   *pw_assessment_view_get_workbook   (PwAssessmentView *self);
PwAssessment *pw_assessment_view_get_assessment (PwAssessmentView *self);
void          pw_assessment_view_set_assessment (PwAssessmentView *self,
                                                 PwWorkbook       *workbook,
                                                 PwAssessment     *assessment);

G_END_DECLS
