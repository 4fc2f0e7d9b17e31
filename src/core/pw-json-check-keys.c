/* pw-json-check-keys.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-json-check"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pw-json-check-private.h"

/*
 * Duplicate member names for pw_json_check(): the arena of the open
 * objects' names, a linear search for small objects and a SipHash-keyed
 * index for large ones (see pw-json-check.c).
 */

#define SMALL_OBJECT_KEYS 8

#define ROTL64(x, b) (guint64) (((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND               \
  G_STMT_START                 \
  {                            \
    v0 += v1;                  \
    v1 = ROTL64 (v1, 13);      \
    v1 ^= v0;                  \
    v0 = ROTL64 (v0, 32);      \
    v2 += v3;                  \
    v3 = ROTL64 (v3, 16);      \
    v3 ^= v2;                  \
    v0 += v3;                  \
    v3 = ROTL64 (v3, 21);      \
    v3 ^= v0;                  \
    v2 += v1;                  \
    v1 = ROTL64 (v1, 17);      \
    v1 ^= v2;                  \
    v2 = ROTL64 (v2, 32);      \
  }                            \
  G_STMT_END

/* SipHash-2-4 (Aumasson and Bernstein). */
static guint64
siphash24 (const guint64  key[2],
           const guchar  *in,
           gsize          len)
{
  guint64 v0 = G_GUINT64_CONSTANT (0x736f6d6570736575) ^ key[0];
  guint64 v1 = G_GUINT64_CONSTANT (0x646f72616e646f6d) ^ key[1];
  guint64 v2 = G_GUINT64_CONSTANT (0x6c7967656e657261) ^ key[0];
  guint64 v3 = G_GUINT64_CONSTANT (0x7465646279746573) ^ key[1];
  guint64 b = ((guint64) len) << 56;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 m = 0;

      for (guint j = 0; j < 8; j++)
        m |= ((guint64) in[i + j]) << (8 * j);

      v3 ^= m;
      SIPROUND;
      SIPROUND;
      v0 ^= m;
    }

  for (guint j = 0; i + j < len; j++)
    b |= ((guint64) in[i + j]) << (8 * j);

  v3 ^= b;
  SIPROUND;
  SIPROUND;
  v0 ^= b;
  v2 ^= 0xff;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  SIPROUND;

  return v0 ^ v1 ^ v2 ^ v3;
}

/* A random key per process, so that nobody can prepare member names that
 * all land in the same bucket.  A private GRand (seeded from /dev/urandom)
 * leaves the global g_random_*() sequence alone.
 */
static const guint64 *
get_hash_key (void)
{
  static guint64 key[2];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GRand *rng = g_rand_new ();

      for (guint i = 0; i < 2; i++)
        key[i] = ((guint64) g_rand_int (rng) << 32) | g_rand_int (rng);

      g_rand_free (rng);
      g_once_init_leave (&initialized, 1);
    }

  return key;
}

static inline gsize
entry_length (PwJsonChecker *c,
              gsize          entry)
{
  gsize len;

  memcpy (&len, c->keys->str + entry, sizeof len);

  return len;
}

static inline const guchar *
entry_bytes (PwJsonChecker *c,
             gsize          entry)
{
  return (const guchar *) c->keys->str + entry + sizeof (gsize);
}

static inline gsize
entry_next (PwJsonChecker *c,
            gsize          entry)
{
  return entry + sizeof (gsize) + entry_length (c, entry);
}

static gboolean
entries_equal (PwJsonChecker *c,
               gsize          a,
               gsize          b)
{
  gsize len = entry_length (c, a);

  return len == entry_length (c, b) && memcmp (entry_bytes (c, a), entry_bytes (c, b), len) == 0;
}

static guint64
entry_hash (PwJsonChecker *c,
            gsize          entry)
{
  if (c->hash_key == NULL)
    c->hash_key = get_hash_key ();

  return siphash24 (c->hash_key, entry_bytes (c, entry), entry_length (c, entry));
}

static void
index_insert (PwJsonChecker *c,
              PwJsonFrame   *frame,
              gsize          entry)
{
  gsize mask = frame->n_slots - 1;
  gsize i = (gsize) entry_hash (c, entry) & mask;

  while (frame->slots[i] != 0)
    i = (i + 1) & mask;

  frame->slots[i] = entry + 1;
}

/* (Re)builds @frame's index with @n_slots slots from all its names. */
static void
index_rebuild (PwJsonChecker *c,
               PwJsonFrame   *frame,
               gsize          n_slots)
{
  g_free (frame->slots);
  frame->slots = g_new0 (gsize, n_slots);
  frame->n_slots = n_slots;

  for (gsize entry = frame->keys_start; entry < c->keys->len; entry = entry_next (c, entry))
    index_insert (c, frame, entry);
}

static gboolean
frame_has_key (PwJsonChecker *c,
               PwJsonFrame   *frame,
               gsize          candidate)
{
  if (frame->slots == NULL)
    {
      for (gsize entry = frame->keys_start; entry < candidate; entry = entry_next (c, entry))
        {
          if (entries_equal (c, entry, candidate))
            return TRUE;
        }
    }
  else
    {
      gsize mask = frame->n_slots - 1;
      gsize i = (gsize) entry_hash (c, candidate) & mask;

      for (; frame->slots[i] != 0; i = (i + 1) & mask)
        {
          if (entries_equal (c, frame->slots[i] - 1, candidate))
            return TRUE;
        }
    }

  return FALSE;
}

/* Adds the name just appended to the arena at @entry to @frame. */
static void
frame_add_key (PwJsonChecker *c,
               PwJsonFrame   *frame,
               gsize          entry)
{
  frame->n_keys++;

  if (frame->slots == NULL)
    {
      if (frame->n_keys >= SMALL_OBJECT_KEYS)
        index_rebuild (c, frame, 4 * SMALL_OBJECT_KEYS);
    }
  else if (frame->n_keys > frame->n_slots / 2)
    {
      index_rebuild (c, frame, frame->n_slots * 2);
    }
  else
    {
      index_insert (c, frame, entry);
    }
}

gboolean
_pw_json_check_scan_key (PwJsonChecker *c)
{
  PwJsonFrame *frame = &c->frames[c->depth - 1];
  gsize entry = c->keys->len;
  gsize start = c->pos;
  gsize len = 0;

  g_string_append_len (c->keys, (const char *) &len, sizeof len);

  if (!_pw_json_check_scan_string (c, TRUE))
    return FALSE;

  len = c->keys->len - entry - sizeof len;
  memcpy (c->keys->str + entry, &len, sizeof len);

  if (frame_has_key (c, frame, entry))
    {
      g_autofree char *quoted = _pw_json_check_quote (entry_bytes (c, entry), len);

      return _pw_json_check_fail (c, start, PW_ERROR_DUPLICATE_KEY,
                                  /* Translators: %s is a member name */
                                  _("Duplicate member “%s” in the same object"), quoted);
    }

  frame_add_key (c, frame, entry);

  return TRUE;
}
