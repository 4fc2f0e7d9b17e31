/* pw-migration-dialog.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-migration-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-migration-dialog.h"

/**
 * PwMigrationDialog:
 *
 * What a migration of a workbook to a newer version of its framework will
 * do, before it does it: the questions that stay as they are, those
 * reworded, the new ones and the retired ones (whose answers stay in the
 * workbook as retired answers), and for each assessment its overall result
 * and each dimension's, before and after.  Nothing changes until the user
 * presses Migrate (pw_migration_dialog_apply()), which applies the
 * migration to the document as one step that undo takes back; Cancel and
 * Escape close the dialog and leave the workbook as it was.
 */

struct _PwMigrationDialog
{
  AdwWindow    parent_instance;

  PwDocument  *document;
  PwMigration *migration;

  GtkWidget   *cancel_button;
  GtkWidget   *migrate_button;

  gboolean     applied;
};

G_DEFINE_FINAL_TYPE (PwMigrationDialog, pw_migration_dialog, ADW_TYPE_WINDOW)

enum {
  MIGRATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
migrate_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  pw_migration_dialog_apply (PW_MIGRATION_DIALOG (widget));
}

/* ------------------------------------------------------------------------
 * Texts
 */

/**
 * pw_migration_dialog_format_result:
 * @framework: the framework the result is of
 * @dimension: %TRUE for a dimension, %FALSE for the whole assessment
 * @has_score: whether there is a score
 * @score: the score
 * @phase: its phase
 *
 * Returns: (transfer full): a result as the dialog shows it: the score with
 *   one decimal and the phase with its name, "2.4 (Phase 2 · The Seekers)",
 *   or what stands for no score
 */
char *
pw_migration_dialog_format_result (PwFramework *framework,
                                   gboolean     dimension,
                                   gboolean     has_score,
                                   double       score,
                                   int          phase)
{
  g_autofree char *score_text = NULL;
  g_autofree char *phase_text = NULL;

  g_return_val_if_fail (PW_IS_FRAMEWORK (framework), NULL);

  if (!has_score)
    return g_strdup (pw_result_text_no_score (dimension, NULL));

  score_text = pw_result_text_score_value (score);
  phase_text = pw_result_text_phase (framework, phase);

  /* Translators: a result in the preview of a framework migration: the
   * score with one decimal, then the phase, "2.4 (Phase 2 · The Seekers)" */
  return g_strdup_printf (C_("framework migration", "%s (%s)"), score_text, phase_text);
}

/* "before → after" */
static char *
format_change (const char *before,
               const char *after)
{
  /* Translators: a result before and after a framework migration,
   * "2.1 (Phase 2 · The Seekers) → 2.3 (Phase 2 · The Seekers)" */
  return g_strdup_printf (_("%s → %s"), before, after);
}

static const char *
change_title (PwQuestionChange change)
{
  switch (change)
    {
    case PW_QUESTION_UNCHANGED:
      /* Translators: the questions a framework migration leaves as they are */
      return _("Unchanged");
    case PW_QUESTION_REWORDED:
      /* Translators: the questions a framework migration words differently */
      return _("Reworded");
    case PW_QUESTION_NEW:
      /* Translators: the questions a framework migration adds */
      return _("New");
    case PW_QUESTION_RETIRED:
      /* Translators: the questions a framework migration takes away */
      return _("Retired");
    default:
      g_assert_not_reached ();
    }
}

static char *
change_subtitle (PwQuestionChange change,
                 guint            n)
{
  if (change == PW_QUESTION_RETIRED && n > 0)
    /* Translators: below "Retired" in the preview of a framework migration */
    return g_strdup_printf (ngettext ("%u question; its answers stay in the workbook as "
                                      "retired answers",
                                      "%u questions; their answers stay in the workbook as "
                                      "retired answers", n), n);

  /* Translators: how many questions a framework migration leaves, rewords or adds */
  return g_strdup_printf (ngettext ("%u question", "%u questions", n), n);
}

/* How many of the workbook's assessments answer @question_id */
static guint
count_answers (PwWorkbook *workbook,
               const char *question_id)
{
  GListModel *assessments = pw_workbook_get_assessments (workbook);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(PwAssessment) assessment = g_list_model_get_item (assessments, i);

      if (pw_assessment_lookup_answer (assessment, question_id) != NULL)
        n++;
    }

  return n;
}

static char *
question_subtitle (PwMigrationDialog         *self,
                   const PwMigrationQuestion *entry)
{
  PwFramework *old_framework = pw_migration_get_old_framework (self->migration);
  const PwQuestion *question = entry->question ? entry->question : entry->old_question;
  g_autoptr(GString) text = g_string_new (question->dimension->name);

  if (entry->change == PW_QUESTION_REWORDED)
    {
      for (guint i = 0; entry->old_ids != NULL && entry->old_ids[i] != NULL; i++)
        {
          const PwQuestion *old = pw_framework_find_question (old_framework, entry->old_ids[i]);

          if (old == NULL)
            continue;
          g_string_append_c (text, '\n');
          if (g_str_equal (old->text, question->text))
            /* Translators: below a question of a framework migration whose own
             * text stays, but whose options or help are worded differently */
            g_string_append (text, _("The question stays; its options or help are worded "
                                     "differently"));
          else
            /* Translators: below a reworded question in the preview of a
             * framework migration: its wording until now */
            g_string_append_printf (text, _("Before: “%s”"), old->text);
        }
    }
  else if (entry->change == PW_QUESTION_RETIRED)
    {
      guint n = count_answers (pw_migration_get_workbook (self->migration), question->id);

      g_string_append_c (text, '\n');
      if (n == 0)
        /* Translators: below a retired question in the preview of a framework migration */
        g_string_append (text, _("No assessment answers it"));
      else
        /* Translators: below a retired question in the preview of a framework migration */
        g_string_append_printf (text, ngettext ("%u answer is kept as a retired answer",
                                                "%u answers are kept as retired answers", n),
                                n);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------------
 * Building
 */

static GtkWidget *
create_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Question texts and names are plain text, "&" and "<" included */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static GtkWidget *
create_questions_group (PwMigrationDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *expanders[PW_QUESTION_RETIRED + 1];

  /* Translators: the heading of the questions in the preview of a framework migration */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Questions"));

  for (int change = PW_QUESTION_UNCHANGED; change <= PW_QUESTION_RETIRED; change++)
    {
      guint n = pw_migration_count_questions (self->migration, change);
      g_autofree char *subtitle = change_subtitle (change, n);
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), change_title (change));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (expander), n > 0);
      gtk_widget_set_sensitive (expander, n > 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
      expanders[change] = expander;
    }

  for (guint i = 0; i < pw_migration_get_n_questions (self->migration); i++)
    {
      const PwMigrationQuestion *entry = pw_migration_get_question (self->migration, i);
      const PwQuestion *question = entry->question ? entry->question : entry->old_question;
      g_autofree char *subtitle = question_subtitle (self, entry);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expanders[entry->change]),
                                create_row (question->text, subtitle));
    }

  return group;
}

static GtkWidget *
create_assessment_group (PwMigrationDialog           *self,
                         const PwMigrationAssessment *entry)
{
  PwFramework *old_framework = pw_migration_get_old_framework (self->migration);
  PwFramework *new_framework = pw_migration_get_new_framework (self->migration);
  PwWorkbook *workbook = pw_migration_get_workbook (self->migration);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *heading = pw_result_text_heading (workbook, entry->assessment);
  g_autofree char *moved = NULL;
  g_autofree char *retired = NULL;
  g_autofree char *description = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), heading);

  /* Translators: below an assessment in the preview of a framework migration */
  moved = g_strdup_printf (ngettext ("%u answer carries over", "%u answers carry over",
                                     entry->moved), entry->moved);
  if (entry->retired > 0)
    {
      /* Translators: below an assessment in the preview of a framework migration */
      retired = g_strdup_printf (ngettext ("%u is kept as a retired answer",
                                           "%u are kept as retired answers", entry->retired),
                                 entry->retired);
      /* Translators: below an assessment in the preview of a framework migration:
       * how many answers carry over, then how many are kept as retired answers,
       * “40 answers carry over; 2 are kept as retired answers” */
      description = g_strdup_printf (_("%s; %s"), moved, retired);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         description ? description : moved);

  /* The whole assessment */
  {
    g_autofree char *before = pw_migration_dialog_format_result (old_framework, FALSE,
                                                                 entry->before->has_score,
                                                                 entry->before->score,
                                                                 entry->before->phase);
    g_autofree char *after = pw_migration_dialog_format_result (new_framework, FALSE,
                                                                entry->after->has_score,
                                                                entry->after->score,
                                                                entry->after->phase);
    g_autofree char *change = format_change (before, after);
    GtkWidget *row = create_row (_("Overall"), change);

    gtk_widget_add_css_class (row, "pw-migration-overall");
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  }

  /* Each dimension of the new framework, then those that go */
  for (guint d = 0; d < entry->after->n_dimensions; d++)
    {
      const PwDimensionScore *now = &entry->after->dimensions[d];
      const PwDimensionScore *was = pw_score_find_dimension (entry->before, now->dimension->id);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *change = NULL;

      if (was != NULL)
        before = pw_migration_dialog_format_result (old_framework, TRUE, was->has_score,
                                                    was->score, was->phase);
      else
        /* Translators: in the preview of a framework migration, the result
         * before it of a dimension that the newer framework adds */
        before = g_strdup (_("New dimension"));
      after = pw_migration_dialog_format_result (new_framework, TRUE, now->has_score,
                                                 now->score, now->phase);
      change = format_change (before, after);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_row (now->dimension->name, change));
    }
  for (guint d = 0; d < entry->before->n_dimensions; d++)
    {
      const PwDimensionScore *was = &entry->before->dimensions[d];
      g_autofree char *before = NULL;
      g_autofree char *change = NULL;

      if (pw_score_find_dimension (entry->after, was->dimension->id) != NULL)
        continue;
      before = pw_migration_dialog_format_result (old_framework, TRUE, was->has_score,
                                                  was->score, was->phase);
      /* Translators: in the preview of a framework migration, the result
       * after it of a dimension that the newer framework no longer has */
      change = format_change (before, _("Retired dimension"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 create_row (was->dimension->name, change));
    }

  return group;
}

static void
build (PwMigrationDialog *self)
{
  PwFramework *old_framework = pw_migration_get_old_framework (self->migration);
  PwFramework *new_framework = pw_migration_get_new_framework (self->migration);
  g_autofree char *subtitle = NULL;
  g_autofree char *intro = NULL;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *title;
  GtkWidget *page;
  GtkWidget *group;
  guint n_assessments = pw_migration_get_n_assessments (self->migration);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  /* Translators: below the title of the framework migration's dialog: the
   * version the workbook uses and the one it will use, "1.0.0 → 2.0.0" */
  subtitle = g_strdup_printf (_("Version %s → %s"), pw_framework_get_version (old_framework),
                              pw_framework_get_version (new_framework));
  title = adw_window_title_new (_("Migrate Framework"), subtitle);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);

  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "migration.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);

  /* Translators: the button that migrates the workbook to the newer framework */
  self->migrate_button = gtk_button_new_with_mnemonic (_("_Migrate"));
  gtk_widget_add_css_class (self->migrate_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->migrate_button), "migration.migrate");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->migrate_button);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  /* What will happen, and that it can be taken back */
  group = adw_preferences_group_new ();
  intro = g_strdup_printf (_("This workbook uses version %s of the framework; version %s comes "
                             "with Phasewise. Nothing changes until you press Migrate, and Undo "
                             "takes the migration back. Answers move to the questions that "
                             "replace theirs; answers to retired questions stay in the workbook "
                             "as retired answers."),
                           pw_framework_get_version (old_framework),
                           pw_framework_get_version (new_framework));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), intro);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (create_questions_group (self)));

  /* The results, assessment by assessment */
  group = adw_preferences_group_new ();
  /* Translators: the heading of the results in the preview of a framework migration */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Results"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         n_assessments > 0
                                         ? _("Each assessment’s results before and after the "
                                             "migration")
                                         : _("The workbook has no assessments yet"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  for (guint i = 0; i < n_assessments; i++)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                              ADW_PREFERENCES_GROUP (create_assessment_group (
                                self, pw_migration_get_assessment (self->migration, i))));

  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->migrate_button);
  gtk_window_set_focus (GTK_WINDOW (self), self->migrate_button);
}

/* ------------------------------------------------------------------------
 * GObject
 */

static void
pw_migration_dialog_dispose (GObject *object)
{
  PwMigrationDialog *self = (PwMigrationDialog *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->migration);

  G_OBJECT_CLASS (pw_migration_dialog_parent_class)->dispose (object);
}

static void
pw_migration_dialog_class_init (PwMigrationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_migration_dialog_dispose;

  /**
   * PwMigrationDialog::migrated:
   * @self: the dialog
   *
   * Emitted when the document's workbook is the migrated one, as one step
   * of its history, just before the dialog closes.
   */
  signals [MIGRATED] =
    g_signal_new ("migrated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "migration.migrate", NULL, migrate_activated);
  gtk_widget_class_install_action (widget_class, "migration.cancel", NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "migration.cancel", NULL);
}

static void
pw_migration_dialog_init (PwMigrationDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Migrate Framework"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 640);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pw-migration-dialog");
}

/**
 * pw_migration_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @document: the document whose workbook @migration migrates
 * @migration: the migration, not applied yet
 *
 * Returns: (transfer none): a dialog showing what @migration will do, owned
 *   by GTK as every window is; present it
 */
PwMigrationDialog *
pw_migration_dialog_new (GtkWindow   *parent,
                         PwDocument  *document,
                         PwMigration *migration)
{
  PwMigrationDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PW_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PW_IS_MIGRATION (migration), NULL);

  self = g_object_new (PW_TYPE_MIGRATION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->document = g_object_ref (document);
  self->migration = g_object_ref (migration);
  build (self);

  return self;
}

/**
 * pw_migration_dialog_get_migration:
 *
 * Returns: (transfer none): the migration the dialog shows
 */
PwMigration *
pw_migration_dialog_get_migration (PwMigrationDialog *self)
{
  g_return_val_if_fail (PW_IS_MIGRATION_DIALOG (self), NULL);

  return self->migration;
}

/**
 * pw_migration_dialog_apply:
 *
 * What Migrate does: applies the migration to the document as one step of
 * its history, emits #PwMigrationDialog::migrated, and closes the dialog.
 * When the document no longer holds the workbook the migration was planned
 * for, it only closes the dialog.
 */
void
pw_migration_dialog_apply (PwMigrationDialog *self)
{
  g_autoptr(PwMigrationDialog) hold = NULL;

  g_return_if_fail (PW_IS_MIGRATION_DIALOG (self));

  if (self->applied)
    return;

  hold = g_object_ref (self);
  self->applied = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "migration.migrate", FALSE);

  if (pw_document_get_workbook (self->document) == pw_migration_get_workbook (self->migration))
    {
      pw_document_migrate (self->document, self->migration);
      g_signal_emit (self, signals [MIGRATED], 0);
    }

  gtk_window_close (GTK_WINDOW (self));
}
