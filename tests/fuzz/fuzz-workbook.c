/* fuzz-workbook.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-workbook"

#include "config.h"

#include "phasewise-core.h"

/*
 * A libFuzzer target for everything a workbook file goes through: the
 * strict JSON check, json-glib, the framework and workbook readers, and,
 * for what loads, serializing it again and loading that back.
 */

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(GError) error = NULL;

  workbook = pw_workbook_load_from_bytes (bytes, &error);
  if (workbook != NULL)
    {
      g_autoptr(GBytes) saved = pw_workbook_serialize (workbook);
      g_autoptr(PwWorkbook) again = pw_workbook_load_from_bytes (saved, &error);
      g_autoptr(GBytes) saved_again = NULL;

      /* What Phasewise wrote, it reads back, to the same bytes. */
      g_assert_no_error (error);
      saved_again = pw_workbook_serialize (again);
      g_assert_true (g_bytes_equal (saved, saved_again));
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
    }

  g_clear_error (&error);
  framework = pw_framework_new_from_bytes (bytes, &error);
  g_assert_true ((framework == NULL) == (error != NULL));

  return 0;
}
