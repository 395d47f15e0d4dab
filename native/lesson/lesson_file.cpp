#include "lesson/lesson_file.hpp"

#include <cstdlib>
#include <set>
#include <sstream>

namespace lesson::lessonfile {

namespace {

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string cur;
  for (char c : text) {
    if (c == '\n') {
      if (!cur.empty() && cur.back() == '\r') cur.pop_back();
      lines.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

std::string unquote(const std::string& v) {
  if (v.size() >= 2 && ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\'')))
    return v.substr(1, v.size() - 2);
  return v;
}

// "value   # comment" -> "value" (not inside quotes).
std::string strip_comment(const std::string& v) {
  char quote = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || v[i - 1] == ' ' || v[i - 1] == '\t')) {
      return trim(v.substr(0, i));
    }
  }
  return trim(v);
}

int parse_int(const std::string& v, int line, const std::string& key) {
  char* end = nullptr;
  long n = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end != 0) throw LessonFormatError(line, key + " must be an integer, got '" + v + "'");
  return static_cast<int>(n);
}

// Front matter: a small YAML subset (key: scalar, key: [a, b]).
std::size_t parse_front_matter(const std::vector<std::string>& lines, FrontMatter& fm) {
  if (lines.empty() || trim(lines[0]) != "---") return 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string& raw = lines[i];
    int ln = static_cast<int>(i) + 1;
    if (trim(raw) == "---") return i + 1;
    std::string t = trim(raw);
    if (t.empty() || t[0] == '#') continue;
    std::size_t colon = t.find(':');
    if (colon == std::string::npos) throw LessonFormatError(ln, "front matter line is not 'key: value': " + t);
    std::string key = trim(t.substr(0, colon));
    std::string value = strip_comment(t.substr(colon + 1));
    fm.fields[key] = value;
    if (key == "id") fm.id = unquote(value);
    else if (key == "title") fm.title = unquote(value);
    else if (key == "order") fm.order = parse_int(value, ln, key);
    else if (key == "minutes") fm.minutes = parse_int(value, ln, key);
    else if (key == "xp") fm.xp = parse_int(value, ln, key);
    else if (key == "tags") {
      if (value.size() < 2 || value.front() != '[' || value.back() != ']')
        throw LessonFormatError(ln, "tags must be a list like [a, b]");
      std::stringstream ss(value.substr(1, value.size() - 2));
      std::string item;
      while (std::getline(ss, item, ','))
        if (!trim(item).empty()) fm.tags.push_back(unquote(trim(item)));
    }
  }
  throw LessonFormatError(1, "front matter is not closed by a '---' line");
}

struct Fence {
  char ch = 0;
  std::size_t len = 0;
  std::size_t indent = 0;
  std::string info;
};

bool opening_fence(const std::string& line, Fence& f) {
  std::size_t i = 0;
  while (i < line.size() && i < 4 && line[i] == ' ') ++i;
  if (i > 3 || i >= line.size() || (line[i] != '`' && line[i] != '~')) return false;
  char ch = line[i];
  std::size_t n = 0;
  while (i + n < line.size() && line[i + n] == ch) ++n;
  if (n < 3) return false;
  std::string info = trim(line.substr(i + n));
  if (ch == '`' && info.find('`') != std::string::npos) return false;
  f.ch = ch, f.len = n, f.indent = i, f.info = info;
  return true;
}

bool closing_fence(const std::string& line, const Fence& f) {
  std::size_t i = 0;
  while (i < line.size() && i < 4 && line[i] == ' ') ++i;
  if (i > 3) return false;
  std::size_t n = 0;
  while (i + n < line.size() && line[i + n] == f.ch) ++n;
  return n >= f.len && trim(line.substr(i + n)).empty();
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string w;
  while (ss >> w) out.push_back(w);
  return out;
}

enum class Last { None, Code, ExerciseGroup, Output };

}  // namespace

Lesson parse_lesson(const std::string& text) {
  Lesson lesson;
  std::vector<std::string> lines = split_lines(text);
  std::size_t i = parse_front_matter(lines, lesson.front);
  Last last = Last::None;  // the block right before (only blank lines since)
  int exercise = -1;       // index of the exercise whose group is open
  int output_of = -1;      // the cell the last output block belonged to
  std::set<std::string> ids;
  int python_cells = 0;
  while (i < lines.size()) {
    Fence f;
    if (!opening_fence(lines[i], f)) {
      if (!trim(lines[i]).empty()) {
        last = Last::None;
        exercise = -1;
      }
      ++i;
      continue;
    }
    int open_line = static_cast<int>(i) + 1;
    std::string body;
    bool closed = false;
    for (++i; i < lines.size(); ++i) {
      if (closing_fence(lines[i], f)) {
        closed = true;
        ++i;
        break;
      }
      std::string l = lines[i];
      std::size_t strip = 0;
      while (strip < f.indent && strip < l.size() && l[strip] == ' ') ++strip;
      body += l.substr(strip) + "\n";
    }
    if (!closed) throw LessonFormatError(open_line, "code block is not closed");
    std::vector<std::string> w = words(f.info);
    std::string lang = w.empty() ? "" : w[0];
    if (lang == "output") {
      Cell* target = nullptr;
      if (last == Last::Code && !lesson.cells.empty()) target = &lesson.cells.back();
      if (last == Last::ExerciseGroup && exercise >= 0) target = &lesson.cells[static_cast<std::size_t>(exercise)];
      if (last == Last::Output && output_of >= 0) target = &lesson.cells[static_cast<std::size_t>(output_of)];
      if (!target) throw LessonFormatError(open_line, "output block does not follow a python cell");
      if (target->expected) throw LessonFormatError(open_line, "cell " + target->id + " has two output blocks");
      target->expected = body;
      output_of = static_cast<int>(target - lesson.cells.data());
      last = Last::Output;
      continue;
    }
    if (lang == "hint") {
      if (exercise < 0) throw LessonFormatError(open_line, "hint block does not follow an exercise");
      lesson.cells[static_cast<std::size_t>(exercise)].hints.push_back(body);
      last = Last::ExerciseGroup;
      continue;
    }
    if (lang != "python") {
      last = Last::None;
      exercise = -1;
      continue;
    }
    std::string role;
    std::map<std::string, std::string> attrs;
    for (std::size_t k = 1; k < w.size(); ++k) {
      std::size_t eq = w[k].find('=');
      if (eq == std::string::npos) {
        if (w[k] != "exercise" && w[k] != "solution" && w[k] != "check")
          throw LessonFormatError(open_line, "unknown python cell attribute '" + w[k] + "'");
        if (!role.empty()) throw LessonFormatError(open_line, "a cell cannot be both " + role + " and " + w[k]);
        role = w[k];
      } else {
        attrs[w[k].substr(0, eq)] = unquote(w[k].substr(eq + 1));
      }
    }
    if (role == "solution" || role == "check") {
      if (exercise < 0) throw LessonFormatError(open_line, "python " + role + " block does not follow an exercise");
      Cell& ex = lesson.cells[static_cast<std::size_t>(exercise)];
      std::optional<std::string>& slot = role == "solution" ? ex.solution : ex.check;
      if (slot) throw LessonFormatError(open_line, "exercise " + ex.id + " has two " + role + " blocks");
      slot = body;
      last = Last::ExerciseGroup;
      continue;
    }
    Cell c;
    c.kind = role == "exercise" ? CellKind::Exercise : CellKind::Code;
    c.index = ++python_cells;
    c.line = open_line;
    c.code = body;
    c.attributes = attrs;
    c.id = attrs.count("id") ? attrs["id"] : "cell-" + std::to_string(c.index);
    if (attrs.count("tolerance")) {
      char* end = nullptr;
      double tol = std::strtod(attrs["tolerance"].c_str(), &end);
      if (attrs["tolerance"].empty() || *end != 0 || !(tol >= 0))
        throw LessonFormatError(open_line, "tolerance must be a non-negative number, got '" + attrs["tolerance"] + "'");
      c.tolerance = tol;
    }
    if (attrs.count("figures")) c.figures = parse_int(attrs["figures"], open_line, "figures");
    if (attrs.count("xp")) c.xp = parse_int(attrs["xp"], open_line, "xp");
    if (!ids.insert(c.id).second) throw LessonFormatError(open_line, "duplicate cell id '" + c.id + "'");
    lesson.cells.push_back(std::move(c));
    if (role == "exercise") {
      exercise = static_cast<int>(lesson.cells.size()) - 1;
      last = Last::ExerciseGroup;
    } else {
      exercise = -1;
      last = Last::Code;
    }
  }
  for (const Cell& c : lesson.cells)
    if (c.kind == CellKind::Exercise && (!c.solution || !c.check))
      throw LessonFormatError(c.line, "exercise " + c.id + " needs a python solution and a python check block");
  return lesson;
}

}  // namespace lesson::lessonfile
