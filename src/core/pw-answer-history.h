/* pw-answer-history.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-workbook.h"

G_BEGIN_DECLS

#define PW_ANSWER_HISTORY_MAX_ENTRIES    500
#define PW_ANSWER_HISTORY_COALESCE_USEC  (2 * G_USEC_PER_SEC)

/**
 * PwAnswerHistoryClock:
 * @user_data: the data given to pw_answer_history_set_clock()
 *
 * Returns: the time now, in monotonic microseconds (as g_get_monotonic_time())
 */
typedef gint64 (*PwAnswerHistoryClock) (gpointer user_data);

#define PW_TYPE_ANSWER_HISTORY (pw_answer_history_get_type ())

G_DECLARE_FINAL_TYPE (PwAnswerHistory, pw_answer_history, PW, ANSWER_HISTORY, GObject)

PwAnswerHistory *pw_answer_history_new                   (PwWorkbook           *workbook);
PwWorkbook      *pw_answer_history_get_workbook          (PwAnswerHistory      *self);
gboolean         pw_answer_history_get_can_undo          (PwAnswerHistory      *self);
gboolean         pw_answer_history_get_can_redo          (PwAnswerHistory      *self);
gboolean         pw_answer_history_undo                  (PwAnswerHistory      *self);
gboolean         pw_answer_history_redo                  (PwAnswerHistory      *self);
void             pw_answer_history_clear                 (PwAnswerHistory      *self);
guint            pw_answer_history_get_n_undo            (PwAnswerHistory      *self);
guint            pw_answer_history_get_n_redo            (PwAnswerHistory      *self);
const char      *pw_answer_history_get_undo_question     (PwAnswerHistory      *self);
PwAssessment    *pw_answer_history_get_undo_assessment   (PwAnswerHistory      *self);
const char      *pw_answer_history_get_redo_question     (PwAnswerHistory      *self);
PwAssessment    *pw_answer_history_get_redo_assessment   (PwAnswerHistory      *self);
void             pw_answer_history_set_clock             (PwAnswerHistory      *self,
                                                          PwAnswerHistoryClock  clock,
                                                          gpointer              user_data);

G_END_DECLS
