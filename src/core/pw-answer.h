/* pw-answer.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pw-types.h"

G_BEGIN_DECLS

#define PW_TYPE_ANSWER (pw_answer_get_type ())

G_DECLARE_FINAL_TYPE (PwAnswer, pw_answer, PW, ANSWER, GObject)

PwAnswer     *pw_answer_new             (const char   *question_id);
void          pw_answer_choose          (PwAnswer     *self,
                                         int           phase);
gboolean      pw_answer_is_answered     (PwAnswer     *answer);
gboolean      pw_answer_is_counted      (PwAnswer     *self);
gboolean      pw_answer_is_empty        (PwAnswer     *self);
void          pw_answer_copy_from       (PwAnswer     *self,
                                         PwAnswer     *other);
const char   *pw_answer_get_question_id (PwAnswer     *self);
PwAnswerKind  pw_answer_get_kind        (PwAnswer     *self);
void          pw_answer_set_kind        (PwAnswer     *self,
                                         PwAnswerKind  kind);
int           pw_answer_get_phase       (PwAnswer     *self);
void          pw_answer_set_phase       (PwAnswer     *self,
                                         int           phase);
const char   *pw_answer_get_note        (PwAnswer     *self);
void          pw_answer_set_note        (PwAnswer     *self,
                                         const char   *note);
const char   *pw_answer_get_evidence    (PwAnswer     *self);
void          pw_answer_set_evidence    (PwAnswer     *self,
                                         const char   *evidence);

G_END_DECLS
