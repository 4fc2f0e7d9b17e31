/* pw-file-writer-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-file-writer.h"

G_BEGIN_DECLS

void _pw_file_writer_set_force_gio (gboolean force);

G_END_DECLS
