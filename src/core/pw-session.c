/* pw-session.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-session"

#include "config.h"

#include "pw-session.h"

/**
 * PwSession:
 *
 * What the documents of one run of the application share, handed to each
 * window: the settings, the drafts of unsaved work (and, at the start, the
 * drafts that a crashed run left behind).  Which file is open where is the
 * windows' to know (pw_window_find_for_file()).  Services to come, such as a workshop server, belong here too.
 *
 * pw_session_begin() starts the drafts' session when the application
 * starts; pw_session_end() ends it cleanly when the application quits.
 */
struct _PwSession
{
  GObject     parent_instance;

  GSettings  *settings;
  PwDrafts   *drafts;
  GPtrArray  *recovered;  /* PwDraftInfo, until taken */
};

G_DEFINE_FINAL_TYPE (PwSession, pw_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DRAFTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_session_constructed (GObject *object)
{
  PwSession *self = (PwSession *)object;

  G_OBJECT_CLASS (pw_session_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (PW_SETTINGS_SCHEMA);
  if (self->drafts == NULL)
    self->drafts = pw_drafts_new (NULL);
}

static void
pw_session_dispose (GObject *object)
{
  PwSession *self = (PwSession *)object;

  g_clear_pointer (&self->recovered, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_session_parent_class)->dispose (object);
}

static void
pw_session_finalize (GObject *object)
{
  PwSession *self = (PwSession *)object;

  g_clear_object (&self->drafts);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pw_session_parent_class)->finalize (object);
}

static void
pw_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PwSession *self = PW_SESSION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_DRAFTS:
      g_value_set_object (value, self->drafts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PwSession *self = PW_SESSION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_DRAFTS:
      self->drafts = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_session_class_init (PwSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pw_session_constructed;
  object_class->dispose = pw_session_dispose;
  object_class->finalize = pw_session_finalize;
  object_class->get_property = pw_session_get_property;
  object_class->set_property = pw_session_set_property;

  /**
   * PwSession:settings:
   *
   * The application's settings; %NULL at construction means the
   * application's schema.
   */
  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * PwSession:drafts:
   *
   * The drafts of unsaved work; %NULL at construction means those in the
   * user's data folder.
   */
  properties [PROP_DRAFTS] =
    g_param_spec_object ("drafts", NULL, NULL,
                         PW_TYPE_DRAFTS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_session_init (PwSession *self)
{
}

/**
 * pw_session_new:
 * @settings: (nullable): the settings, or %NULL for the application's
 * @drafts: (nullable): the drafts, or %NULL for those of the user's data
 *   folder
 *
 * Returns: (transfer full): a new session; nothing is read before
 *   pw_session_begin()
 */
PwSession *
pw_session_new (GSettings *settings,
                PwDrafts  *drafts)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (drafts == NULL || PW_IS_DRAFTS (drafts), NULL);

  return g_object_new (PW_TYPE_SESSION,
                       "settings", settings,
                       "drafts", drafts,
                       NULL);
}

/**
 * pw_session_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
pw_session_get_settings (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), NULL);

  return self->settings;
}

/**
 * pw_session_get_drafts:
 *
 * Returns: (transfer none): the drafts of unsaved work
 */
PwDrafts *
pw_session_get_drafts (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), NULL);

  return self->drafts;
}

/**
 * pw_session_begin:
 *
 * Starts the drafts' session (pw_drafts_begin_session()) and keeps the
 * drafts a previous run left, for pw_session_take_recovered().  Reads the
 * drafts index: call it once, when the application starts.
 */
gboolean
pw_session_begin (PwSession  *self,
                  GError    **error)
{
  g_return_val_if_fail (PW_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->recovered == NULL, FALSE);

  return pw_drafts_begin_session (self->drafts, &self->recovered, error);
}

/**
 * pw_session_take_recovered:
 *
 * Returns: (transfer full) (nullable) (element-type PwDraftInfo): the
 *   drafts that pw_session_begin() found, once; %NULL afterwards
 */
GPtrArray *
pw_session_take_recovered (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), NULL);

  return g_steal_pointer (&self->recovered);
}

/**
 * pw_session_end:
 *
 * Ends the drafts' session cleanly (pw_drafts_end_session()).
 */
gboolean
pw_session_end (PwSession  *self,
                GError    **error)
{
  g_return_val_if_fail (PW_IS_SESSION (self), FALSE);

  return pw_drafts_end_session (self->drafts, error);
}

/**
 * pw_session_get_autosave:
 *
 * Returns: whether drafts of unsaved work are kept
 */
gboolean
pw_session_get_autosave (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), FALSE);

  return g_settings_get_boolean (self->settings, "autosave");
}

/**
 * pw_session_get_autosave_interval:
 *
 * Returns: how many seconds after the first unsaved change a draft is
 *   written
 */
guint
pw_session_get_autosave_interval (PwSession *self)
{
  g_return_val_if_fail (PW_IS_SESSION (self), 0);

  return g_settings_get_uint (self->settings, "autosave-interval");
}

/**
 * pw_session_dup_facilitator_name:
 *
 * Returns: (transfer full) (nullable): the facilitator's name from the
 *   preferences, or %NULL when none is set
 */
char *
pw_session_dup_facilitator_name (PwSession *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (PW_IS_SESSION (self), NULL);

  name = g_settings_get_string (self->settings, "facilitator-name");

  return *name != '\0' ? g_steal_pointer (&name) : NULL;
}
