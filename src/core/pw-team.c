/* pw-team.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-team"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-enums.h"
#include "pw-team.h"
#include "pw-utils-private.h"
#include "pw-validate.h"

/**
 * PwTeam:
 *
 * A team of the organization map: a hub (center of excellence) or a spoke,
 * with its function, region, dedicated headcount, engaged subject-matter
 * experts, the channels it owns and its place on the canvas.
 */
struct _PwTeam
{
  GObject parent_instance;

  char *id;
  char *name;
  PwTeamKind kind;
  char *function;
  char *region;
  char *notes;
  int headcount;
  int smes;
  int x;
  int y;
  GStrv channels;
};

G_DEFINE_FINAL_TYPE (PwTeam, pw_team, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_FUNCTION,
  PROP_REGION,
  PROP_HEADCOUNT,
  PROP_SMES,
  PROP_X,
  PROP_Y,
  PROP_CHANNELS,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_team_finalize (GObject *object)
{
  PwTeam *self = (PwTeam *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->function, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->channels, g_strfreev);

  G_OBJECT_CLASS (pw_team_parent_class)->finalize (object);
}

static void
pw_team_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  PwTeam *self = PW_TEAM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_FUNCTION:
      g_value_set_string (value, self->function);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_HEADCOUNT:
      g_value_set_int (value, self->headcount);
      break;

    case PROP_SMES:
      g_value_set_int (value, self->smes);
      break;

    case PROP_X:
      g_value_set_int (value, self->x);
      break;

    case PROP_Y:
      g_value_set_int (value, self->y);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_CHANNELS:
      g_value_set_boxed (value, self->channels);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_team_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  PwTeam *self = PW_TEAM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_string (value) ? g_value_dup_string (value) : NULL;
      break;

    case PROP_NAME:
      pw_team_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      pw_team_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_FUNCTION:
      pw_team_set_function (self, g_value_get_string (value));
      break;

    case PROP_REGION:
      pw_team_set_region (self, g_value_get_string (value));
      break;

    case PROP_HEADCOUNT:
      pw_team_set_headcount (self, g_value_get_int (value));
      break;

    case PROP_SMES:
      pw_team_set_smes (self, g_value_get_int (value));
      break;

    case PROP_X:
      pw_team_set_x (self, g_value_get_int (value));
      break;

    case PROP_Y:
      pw_team_set_y (self, g_value_get_int (value));
      break;

    case PROP_CHANNELS:
      pw_team_set_channels (self, g_value_get_boxed (value));
      break;

    case PROP_NOTES:
      pw_team_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_team_class_init (PwTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_team_finalize;
  object_class->get_property = pw_team_get_property;
  object_class->set_property = pw_team_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_CONSTRUCT_ONLY));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PW_TYPE_TEAM_KIND, PW_TEAM_SPOKE,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_FUNCTION] =
    g_param_spec_string ("function", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_HEADCOUNT] =
    g_param_spec_int ("headcount", NULL, NULL,
                      0, 1000000, 0,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_SMES] =
    g_param_spec_int ("smes", NULL, NULL,
                      0, 10000000, 0,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_X] =
    g_param_spec_int ("x", NULL, NULL,
                      PW_TEAM_MIN_COORDINATE, PW_TEAM_MAX_COORDINATE, 0,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_Y] =
    g_param_spec_int ("y", NULL, NULL,
                      PW_TEAM_MIN_COORDINATE, PW_TEAM_MAX_COORDINATE, 0,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_CHANNELS] =
    g_param_spec_boxed ("channels", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_team_init (PwTeam *self)
{
}

PwTeam *
pw_team_new (const char *id,
             PwTeamKind  kind,
             const char *name)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PW_TYPE_TEAM, "id", id, "kind", kind, "name", name, NULL);
}

/**
 * pw_team_get_channels:
 *
 * Returns: (transfer none): the channels the team owns, never %NULL
 */
const char * const *
pw_team_get_channels (PwTeam *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (PW_IS_TEAM (self), NULL);

  return self->channels ? (const char * const *) self->channels : empty;
}

/**
 * pw_team_set_channels:
 * @channels: (nullable) (array zero-terminated=1): the channels the team
 *   owns
 *
 * Sets the channels, each cut to %PW_MAX_NAME_CHARS characters: a workbook
 * file holds no longer one.
 */
void
pw_team_set_channels (PwTeam             *self,
                      const char * const *channels)
{
  g_auto(GStrv) capped = NULL;

  g_return_if_fail (PW_IS_TEAM (self));

  if (channels != NULL && channels[0] != NULL)
    {
      capped = g_new0 (char *, g_strv_length ((char **) channels) + 1);
      for (guint i = 0; channels[i] != NULL; i++)
        capped[i] = _pw_strdup_line_capped (channels[i], PW_MAX_NAME_CHARS);
    }

  if (self->channels == NULL && capped == NULL)
    return;
  if (self->channels != NULL && capped != NULL
      && g_strv_equal ((const char * const *) self->channels, (const char * const *) capped))
    return;

  g_strfreev (self->channels);
  self->channels = g_steal_pointer (&capped);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANNELS]);
}

const char *
pw_team_get_id (PwTeam *self)
{
  g_return_val_if_fail (PW_IS_TEAM (self), NULL);

  return self->id;
}

const char *
pw_team_get_name (PwTeam *self)
{
  g_return_val_if_fail (PW_IS_TEAM (self), NULL);

  return self->name;
}

/**
 * pw_team_set_name:
 * @name: (nullable): the team's name
 *
 * Sets the name, cut to %PW_MAX_NAME_CHARS characters: a workbook file holds
 * no longer one.
 */
void
pw_team_set_name (PwTeam     *self,
                  const char *name)
{
  g_return_if_fail (PW_IS_TEAM (self));

  if (_pw_set_line_capped (&self->name, name, PW_MAX_NAME_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

PwTeamKind
pw_team_get_kind (PwTeam *self)
{
  g_return_val_if_fail (PW_IS_TEAM (self), 0);

  return self->kind;
}

void
pw_team_set_kind (PwTeam     *self,
                  PwTeamKind  kind)
{
  g_return_if_fail (PW_IS_TEAM (self));
  g_return_if_fail (kind == PW_TEAM_HUB || kind == PW_TEAM_SPOKE);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

const char *
pw_team_get_function (PwTeam *self)
{
  g_return_val_if_fail (PW_IS_TEAM (self), NULL);

  return self->function;
}

/**
 * pw_team_set_function:
 * @function: (nullable): what the team does
 *
 * Sets the function, cut to %PW_MAX_NAME_CHARS characters: a workbook file holds
 * no longer one.
 */
void
pw_team_set_function (PwTeam     *self,
                      const char *function)
{
  g_return_if_fail (PW_IS_TEAM (self));

  if (_pw_set_line_capped (&self->function, function, PW_MAX_NAME_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FUNCTION]);
}

const char *
pw_team_get_region (PwTeam *self)
{
  g_return_val_if_fail (PW_IS_TEAM (self), NULL);

  return self->region;
}

/**
 * pw_team_set_region:
 * @region: (nullable): where it works
 *
 * Sets the region, cut to %PW_MAX_NAME_CHARS characters: a workbook file holds
 * no longer one.
 */
void
pw_team_set_region (PwTeam     *self,
                    const char *region)
{
  g_return_if_fail (PW_IS_TEAM (self));

  if (_pw_set_line_capped (&self->region, region, PW_MAX_NAME_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGION]);
}

int
pw_team_get_headcount (PwTeam *self)
{
  g_return_val_if_fail (PW_IS_TEAM (self), 0);

  return self->headcount;
}

void
pw_team_set_headcount (PwTeam *self,
                       int     headcount)
{
  g_return_if_fail (PW_IS_TEAM (self));
  g_return_if_fail (headcount >= 0 && headcount <= 1000000);

  if (self->headcount == headcount)
    return;

  self->headcount = headcount;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HEADCOUNT]);
}

int
pw_team_get_smes (PwTeam *self)
{
  g_return_val_if_fail (PW_IS_TEAM (self), 0);

  return self->smes;
}

void
pw_team_set_smes (PwTeam *self,
                  int     smes)
{
  g_return_if_fail (PW_IS_TEAM (self));
  g_return_if_fail (smes >= 0 && smes <= 10000000);

  if (self->smes == smes)
    return;

  self->smes = smes;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SMES]);
}

int
pw_team_get_x (PwTeam *self)
{
  g_return_val_if_fail (PW_IS_TEAM (self), 0);

  return self->x;
}

void
pw_team_set_x (PwTeam *self,
               int     x)
{
  g_return_if_fail (PW_IS_TEAM (self));
  g_return_if_fail (x >= PW_TEAM_MIN_COORDINATE && x <= PW_TEAM_MAX_COORDINATE);

  if (self->x == x)
    return;

  self->x = x;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_X]);
}

int
pw_team_get_y (PwTeam *self)
{
  g_return_val_if_fail (PW_IS_TEAM (self), 0);

  return self->y;
}

void
pw_team_set_y (PwTeam *self,
               int     y)
{
  g_return_if_fail (PW_IS_TEAM (self));
  g_return_if_fail (y >= PW_TEAM_MIN_COORDINATE && y <= PW_TEAM_MAX_COORDINATE);

  if (self->y == y)
    return;

  self->y = y;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_Y]);
}

const char *
pw_team_get_notes (PwTeam *self)
{
  g_return_val_if_fail (PW_IS_TEAM (self), NULL);

  return self->notes;
}

/**
 * pw_team_set_notes:
 * @notes: (nullable): what the facilitator noted about the team, any number
 *   of lines
 *
 * Sets the notes, cut to %PW_MAX_TEXT_CHARS characters: a workbook file holds
 * no longer ones.
 */
void
pw_team_set_notes (PwTeam     *self,
                   const char *notes)
{
  g_return_if_fail (PW_IS_TEAM (self));

  if (_pw_set_str_capped (&self->notes, notes, PW_MAX_TEXT_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}

/**
 * pw_team_get_size:
 * @width: (out) (optional): the width of the team's shape on the map
 * @height: (out) (optional): its height
 *
 * The size of the team's shape, in map units, which its kind decides: what
 * the map draws and what its layout keeps apart.
 */
void
pw_team_get_size (PwTeam *self,
                  int    *width,
                  int    *height)
{
  gboolean hub;

  g_return_if_fail (PW_IS_TEAM (self));

  hub = self->kind == PW_TEAM_HUB;
  if (width != NULL)
    *width = hub ? PW_TEAM_HUB_DIAMETER : PW_TEAM_SPOKE_WIDTH;
  if (height != NULL)
    *height = hub ? PW_TEAM_HUB_DIAMETER : PW_TEAM_SPOKE_HEIGHT;
}
