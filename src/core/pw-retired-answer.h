/* pw-retired-answer.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pw-answer.h"

G_BEGIN_DECLS

/**
 * PwRetiredAnswer:
 * @question_id: the id the question had in @framework_version
 * @framework_version: the version of the framework the answer was given in
 * @question: the question's text in that version, as the file has it
 * @option: (nullable): the text of the chosen option in that version
 * @answer: the answer as it was: its value, note and evidence
 *
 * An answer to a question that a later version of the framework retired:
 * kept in the workbook, shown as retired, never counted.
 */
typedef struct
{
  char     *question_id;
  char     *framework_version;
  char     *question;
  char     *option;
  PwAnswer *answer;
} PwRetiredAnswer;

PwRetiredAnswer *pw_retired_answer_new  (const char            *question_id,
                                         const char            *framework_version,
                                         const char            *question,
                                         const char            *option,
                                         PwAnswer              *answer);
PwRetiredAnswer *pw_retired_answer_copy (const PwRetiredAnswer *retired);
void             pw_retired_answer_free (PwRetiredAnswer       *retired);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwRetiredAnswer, pw_retired_answer_free)

G_END_DECLS
