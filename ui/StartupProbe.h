#pragma once

class QAbstractItemView;

namespace bs
{

// A measurement hook for the start-up benchmark (tests/bench/bench_ui). When the environment
// variable BROADSHEET_STARTUP_PROBE is set, the first time the view's viewport finishes a paint
// while its model has rows, the app prints one line to standard output,
//   broadsheet-first-paint-ms <ms> cpu-ms <ms>
// the milliseconds from the process's start (its start time in /proc/self/stat, so exec and
// dynamic loading count) to that paint and the CPU time the process used until then (all its
// threads), and quits. Without the variable it does nothing.
void installStartupProbe(QAbstractItemView *view);

// Milliseconds since this process started (from /proc/self/stat; 10 ms resolution), or -1.
double msSinceProcessStart();

} // namespace bs
