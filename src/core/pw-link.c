/* pw-link.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-link"

#include "config.h"

#include "pw-link.h"

/**
 * PwLink:
 *
 * A link between two teams of the organization map, by their ids.  Links
 * are undirected: #PwLink:from and #PwLink:to only keep the order in which
 * the file lists the two teams.  The ends of a link do not change; to link
 * other teams, remove the link and add a new one.  A link keeps the members
 * a newer version wrote for it, like every object read from a file.
 */
struct _PwLink
{
  GObject parent_instance;

  char *from;
  char *to;
};

G_DEFINE_FINAL_TYPE (PwLink, pw_link, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FROM,
  PROP_TO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_link_finalize (GObject *object)
{
  PwLink *self = (PwLink *)object;

  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);

  G_OBJECT_CLASS (pw_link_parent_class)->finalize (object);
}

static void
pw_link_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PwLink *self = PW_LINK (object);

  switch (prop_id)
    {
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;

    case PROP_TO:
      g_value_set_string (value, self->to);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_link_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  PwLink *self = PW_LINK (object);

  switch (prop_id)
    {
    case PROP_FROM:
      self->from = g_value_dup_string (value);
      break;

    case PROP_TO:
      self->to = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_link_class_init (PwLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_link_finalize;
  object_class->get_property = pw_link_get_property;
  object_class->set_property = pw_link_set_property;

  /**
   * PwLink:from:
   *
   * The id of the team the file lists first.
   */
  properties [PROP_FROM] =
    g_param_spec_string ("from", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_CONSTRUCT_ONLY));

  /**
   * PwLink:to:
   *
   * The id of the other team.
   */
  properties [PROP_TO] =
    g_param_spec_string ("to", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_CONSTRUCT_ONLY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_link_init (PwLink *self)
{
}

/**
 * pw_link_new:
 * @from: the id of one team
 * @to: the id of the other
 *
 * Returns: (transfer full): a link, to be added with pw_org_map_add_link()
 */
PwLink *
pw_link_new (const char *from,
             const char *to)
{
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  return g_object_new (PW_TYPE_LINK, "from", from, "to", to, NULL);
}

const char *
pw_link_get_from (PwLink *self)
{
  g_return_val_if_fail (PW_IS_LINK (self), NULL);

  return self->from;
}

const char *
pw_link_get_to (PwLink *self)
{
  g_return_val_if_fail (PW_IS_LINK (self), NULL);

  return self->to;
}

/**
 * pw_link_connects:
 *
 * Returns: %TRUE when @team_id is one of the two ends of the link
 */
gboolean
pw_link_connects (PwLink     *self,
                  const char *team_id)
{
  g_return_val_if_fail (PW_IS_LINK (self), FALSE);

  return g_strcmp0 (self->from, team_id) == 0 || g_strcmp0 (self->to, team_id) == 0;
}
