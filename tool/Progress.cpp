//===- Progress.cpp - One-line progress bar on a terminal -----------------===//
#include "Progress.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <sys/ioctl.h>
#include <unistd.h>

namespace gup {

std::string formatClock(double Seconds) {
  long S = long(Seconds + 0.5);
  char Buf[32];
  if (S >= 3600)
    snprintf(Buf, sizeof Buf, "%ld:%02ld:%02ld", S / 3600, S / 60 % 60, S % 60);
  else
    snprintf(Buf, sizeof Buf, "%02ld:%02ld", S / 60, S % 60);
  return Buf;
}

ProgressBar::ProgressBar(bool Enabled, size_t Total)
    : Enabled(Enabled), Total(Total), Start(std::chrono::steady_clock::now()),
      LastDraw(Start) {}

void ProgressBar::started(llvm::StringRef File) {
  Current = File.str();
  draw();
}

void ProgressBar::finished() {
  ++Done;
  draw();
}

void ProgressBar::tick() {
  if (Enabled && std::chrono::steady_clock::now() - LastDraw >
                     std::chrono::milliseconds(500))
    draw();
}

void ProgressBar::draw() {
  if (!Enabled)
    return;
  auto Now = std::chrono::steady_clock::now();
  LastDraw = Now;
  double Elapsed = std::chrono::duration<double>(Now - Start).count();
  std::string Line = "[" + std::to_string(Done) + "/" + std::to_string(Total) +
                     "] " + formatClock(Elapsed);
  if (Done > 0 && Done < Total)
    Line += " ETA " + formatClock(Elapsed / Done * (Total - Done));
  Line += " " + Current;
  unsigned Width = 80;
  struct winsize Size;
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &Size) == 0 && Size.ws_col > 10)
    Width = Size.ws_col;
  if (Line.size() > Width - 1)
    Line = Line.substr(0, Width - 1);
  llvm::errs() << "\r" << Line << "\x1b[K";
  llvm::errs().flush();
}

void ProgressBar::clear() {
  if (!Enabled)
    return;
  llvm::errs() << "\r\x1b[K";
  llvm::errs().flush();
}

} // namespace gup
