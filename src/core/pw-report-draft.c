/* pw-report-draft.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-report-draft"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-enums.h"
#include "pw-report-draft.h"
#include "pw-utils-private.h"
#include "pw-validate.h"

/**
 * PwReportDraft:
 *
 * A report draft that the facilitator edits: its title, the assessment it
 * reports on, the executive summary and the commentary per dimension, in
 * Markdown.
 */
struct _PwReportDraft
{
  GObject parent_instance;

  char *id;
  char *assessment_id;
  char *title;
  char *summary;
  GHashTable *commentary;  /* dimension id → text */
};

G_DEFINE_FINAL_TYPE (PwReportDraft, pw_report_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ASSESSMENT_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_COMMENTARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_report_draft_finalize (GObject *object)
{
  PwReportDraft *self = (PwReportDraft *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->assessment_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->commentary, g_hash_table_unref);

  G_OBJECT_CLASS (pw_report_draft_parent_class)->finalize (object);
}

static void
pw_report_draft_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PwReportDraft *self = PW_REPORT_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_ASSESSMENT_ID:
      g_value_set_string (value, self->assessment_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_COMMENTARY:
      g_value_set_boolean (value, g_hash_table_size (self->commentary) > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_report_draft_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PwReportDraft *self = PW_REPORT_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_string (value) ? g_value_dup_string (value) : NULL;
      break;

    case PROP_ASSESSMENT_ID:
      pw_report_draft_set_assessment_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      pw_report_draft_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      pw_report_draft_set_summary (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_report_draft_class_init (PwReportDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_report_draft_finalize;
  object_class->get_property = pw_report_draft_get_property;
  object_class->set_property = pw_report_draft_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_CONSTRUCT_ONLY));

  properties [PROP_ASSESSMENT_ID] =
    g_param_spec_string ("assessment-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  /* Notified when any dimension's commentary changes; not readable. */
  properties [PROP_COMMENTARY] =
    g_param_spec_boolean ("commentary", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_report_draft_init (PwReportDraft *self)
{
  self->commentary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

PwReportDraft *
pw_report_draft_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PW_TYPE_REPORT_DRAFT, "id", id, NULL);
}

/**
 * pw_report_draft_get_commentary:
 *
 * Returns: (nullable): the commentary on one dimension
 */
const char *
pw_report_draft_get_commentary (PwReportDraft *self,
                                const char    *dimension_id)
{
  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  return g_hash_table_lookup (self->commentary, dimension_id);
}

/**
 * pw_report_draft_set_commentary:
 * @text: (nullable): the commentary, or %NULL to remove it
 *
 * Sets the commentary on one dimension, cut to %PW_MAX_TEXT_CHARS
 * characters: a workbook file holds no longer one.  An empty text is kept
 * as one, as a file may hold it, so that it is saved as it was loaded.  Emits
 * #GObject::notify for "commentary" when the text changed.
 */
void
pw_report_draft_set_commentary (PwReportDraft *self,
                                const char    *dimension_id,
                                const char    *text)
{
  g_autofree char *capped = NULL;

  g_return_if_fail (PW_IS_REPORT_DRAFT (self));
  g_return_if_fail (dimension_id != NULL);

  capped = _pw_strdup_capped (text, PW_MAX_TEXT_CHARS);

  if (g_strcmp0 (g_hash_table_lookup (self->commentary, dimension_id), capped) == 0)
    return;

  if (capped == NULL)
    g_hash_table_remove (self->commentary, dimension_id);
  else
    g_hash_table_replace (self->commentary, g_strdup (dimension_id), g_steal_pointer (&capped));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMMENTARY]);
}

/**
 * pw_report_draft_list_commentary:
 *
 * Returns: (transfer full): the dimension ids that have commentary, sorted
 */
GStrv
pw_report_draft_list_commentary (PwReportDraft *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) keys = NULL;

  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  keys = g_list_sort (g_hash_table_get_keys (self->commentary), (GCompareFunc) g_strcmp0);
  for (const GList *l = keys; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);

  return g_strv_builder_end (builder);
}

const char *
pw_report_draft_get_id (PwReportDraft *self)
{
  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  return self->id;
}

const char *
pw_report_draft_get_assessment_id (PwReportDraft *self)
{
  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  return self->assessment_id;
}

void
pw_report_draft_set_assessment_id (PwReportDraft *self,
                                   const char    *assessment_id)
{
  g_return_if_fail (PW_IS_REPORT_DRAFT (self));

  if (_pw_set_str (&self->assessment_id, assessment_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ASSESSMENT_ID]);
}

const char *
pw_report_draft_get_title (PwReportDraft *self)
{
  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  return self->title;
}

/**
 * pw_report_draft_set_title:
 * @title: (nullable): the title of the report
 *
 * Sets the title, cut to %PW_MAX_NAME_CHARS characters: a workbook file holds no
 * longer one.
 */
void
pw_report_draft_set_title (PwReportDraft *self,
                           const char    *title)
{
  g_return_if_fail (PW_IS_REPORT_DRAFT (self));

  if (_pw_set_line_capped (&self->title, title, PW_MAX_NAME_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
pw_report_draft_get_summary (PwReportDraft *self)
{
  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  return self->summary;
}

/**
 * pw_report_draft_set_summary:
 * @summary: (nullable): the executive summary, in Markdown
 *
 * Sets the summary, cut to %PW_MAX_TEXT_CHARS characters: a workbook file holds no
 * longer one.
 */
void
pw_report_draft_set_summary (PwReportDraft *self,
                             const char    *summary)
{
  g_return_if_fail (PW_IS_REPORT_DRAFT (self));

  if (_pw_set_str_capped (&self->summary, summary, PW_MAX_TEXT_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUMMARY]);
}

