/* pw-migration.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pw-framework.h"
#include "pw-scoring.h"
#include "pw-workbook.h"

G_BEGIN_DECLS

/**
 * PwQuestionChange:
 * @PW_QUESTION_UNCHANGED: the same question, options and help
 * @PW_QUESTION_REWORDED: the new question replaces one or more old ones
 *   whose wording differs (or several old ones are merged)
 * @PW_QUESTION_NEW: a question with nothing before it
 * @PW_QUESTION_RETIRED: an old question that no new question replaces
 *
 * What a migration does to a question.
 */
typedef enum
{
  PW_QUESTION_UNCHANGED,
  PW_QUESTION_REWORDED,
  PW_QUESTION_NEW,
  PW_QUESTION_RETIRED,
} PwQuestionChange;

/**
 * PwMigrationQuestion:
 * @change: what happens to the question
 * @question: (nullable): the question of the new framework; %NULL when retired
 * @old_question: (nullable): the first old question it replaces, or the
 *   retired one; %NULL when new
 * @old_ids: the ids of the old questions it replaces (empty when new; the
 *   retired question's id when retired)
 */
typedef struct
{
  PwQuestionChange  change;
  const PwQuestion *question;
  const PwQuestion *old_question;
  GStrv             old_ids;
} PwMigrationQuestion;

/**
 * PwMigrationAssessment:
 * @assessment: the assessment as it is
 * @before: its score against the old framework
 * @after: its score against the new framework, once migrated
 * @moved: how many answers carry over to a question of the new framework
 * @retired: how many answers are kept as retired answers
 */
typedef struct
{
  PwAssessment *assessment;
  PwScore      *before;
  PwScore      *after;
  guint         moved;
  guint         retired;
} PwMigrationAssessment;

#define PW_TYPE_MIGRATION (pw_migration_get_type ())

G_DECLARE_FINAL_TYPE (PwMigration, pw_migration, PW, MIGRATION, GObject)

gboolean     pw_migration_is_available     (PwWorkbook   *workbook,
                                            PwFramework  *target);
PwMigration *pw_migration_new              (PwWorkbook   *workbook,
                                            PwFramework  *target,
                                            GError      **error);
PwWorkbook  *pw_migration_get_workbook     (PwMigration  *self);
PwWorkbook  *pw_migration_get_result       (PwMigration  *self);
PwFramework *pw_migration_get_old_framework (PwMigration *self);
PwFramework *pw_migration_get_new_framework (PwMigration *self);
guint        pw_migration_get_n_questions  (PwMigration  *self);
const PwMigrationQuestion *
             pw_migration_get_question     (PwMigration  *self,
                                            guint         index);
guint        pw_migration_count_questions  (PwMigration  *self,
                                            PwQuestionChange change);
guint        pw_migration_get_n_assessments (PwMigration *self);
const PwMigrationAssessment *
             pw_migration_get_assessment   (PwMigration  *self,
                                            guint         index);
int          pw_compare_versions           (const char   *a,
                                            const char   *b);

G_END_DECLS
