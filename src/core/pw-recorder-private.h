/* pw-recorder-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-recorder.h"

G_BEGIN_DECLS

/* PwRecorder spans pw-recorder.c (following a workbook) and
 * pw-recorder-entries.c (the history entries it makes). */

/* The state of an answer, as the recorder remembers it */
typedef struct
{
  PwAnswerKind  kind;
  int           phase;
  char         *note;
  char         *evidence;
} PwAnswerState;

/* The status of a policy item with its reason and its history */
typedef struct
{
  PwPolicyStatus  status;
  char           *reason;
  GPtrArray      *changes;
} PwStatusState;

/* What a change of an answer touched */
typedef enum
{
  PW_ANSWER_CHANGE_CHOICE,
  PW_ANSWER_CHANGE_NOTE,
  PW_ANSWER_CHANGE_EVIDENCE,
  PW_ANSWER_CHANGE_TEXTS,
} PwAnswerChange;

void            _pw_answer_state_init      (PwAnswerState       *state,
                                            PwAnswer            *answer);
void            _pw_answer_state_set       (PwAnswerState       *dest,
                                            const PwAnswerState *src);
void            _pw_answer_state_clear     (PwAnswerState       *state);
void            _pw_answer_state_free      (PwAnswerState       *state);
gboolean        _pw_answer_state_equal     (const PwAnswerState *a,
                                            const PwAnswerState *b);
PwAnswerChange  _pw_answer_state_classify  (const PwAnswerState *before,
                                            const PwAnswerState *after);
gboolean        _pw_text_equal             (const char          *a,
                                            const char          *b);
gboolean        _pw_property_values_equal  (GParamSpec          *pspec,
                                            const GValue        *a,
                                            const GValue        *b);

PwHistoryEntry *_pw_answer_entry_new       (const char          *label,
                                            PwAssessment        *assessment,
                                            const char          *question_id,
                                            const PwAnswerState *before,
                                            const PwAnswerState *after,
                                            PwAnswerChange       change);
PwHistoryEntry *_pw_property_entry_new     (const char          *label,
                                            GObject             *object,
                                            GParamSpec          *pspec,
                                            const GValue        *before,
                                            const GValue        *after);
void            _pw_status_state_init      (PwStatusState       *state,
                                            PwPolicyItem        *item);
void            _pw_status_state_clear     (PwStatusState       *state);
gboolean        _pw_status_state_equal     (const PwStatusState *a,
                                            const PwStatusState *b);
PwHistoryEntry *_pw_status_entry_new       (const char          *label,
                                            PwPolicyItem        *item,
                                            const PwStatusState *before,
                                            const PwStatusState *after);
PwHistoryEntry *_pw_store_entry_new        (GListStore          *store,
                                            gpointer             object,
                                            guint                position,
                                            gboolean             added);
PwHistoryEntry *_pw_map_entry_new         (const char          *label,
                                            PwOrgMap            *map,
                                            gpointer             team_or_link,
                                            guint                position,
                                            gboolean             added);
PwHistoryEntry *_pw_report_list_entry_new  (const char          *label,
                                            PwWorkbook          *workbook,
                                            PwReportDraft       *report,
                                            gboolean             added);
PwHistoryEntry *_pw_list_entry_new         (PwWorkbook          *workbook,
                                            PwAssessment        *assessment,
                                            guint                position,
                                            gboolean             added);

G_END_DECLS
