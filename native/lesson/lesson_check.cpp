#include "lesson/lesson_check.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace lesson::lessonfile {

namespace {

struct Token {
  bool number = false;
  double value = 0;
  double unit = 0;   // one unit in the last printed digit
  std::string text;  // non-number text (spaces collapsed)
};

bool starts_number(const std::string& s, std::size_t i) {
  if (std::isdigit(static_cast<unsigned char>(s[i]))) return true;
  if ((s[i] == '-' || s[i] == '+' || s[i] == '.') && i + 1 < s.size()) {
    std::size_t j = i + 1;
    if (s[i] != '.' && s[j] == '.') ++j;
    return j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]));
  }
  return false;
}

std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> out;
  std::size_t i = 0;
  auto push_text = [&](char c) {
    if (out.empty() || out.back().number) out.push_back(Token{});
    std::string& t = out.back().text;
    if (c == ' ' || c == '\t') return;  // spaces are not significant: widths change with signs
    t += c;
  };
  while (i < s.size()) {
    // A number starts a token unless it continues a word ("cell3", "x1").
    bool word_before = i > 0 && (std::isalpha(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_');
    if (!word_before && starts_number(s, i)) {
      std::size_t j = i;
      if (s[j] == '-' || s[j] == '+') ++j;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      int decimals = 0;
      if (j < s.size() && s[j] == '.') {
        ++j;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j, ++decimals;
      }
      int exponent = 0;
      if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < s.size() && (s[k] == '-' || s[k] == '+')) ++k;
        if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
          exponent = static_cast<int>(std::strtol(s.c_str() + j + 1, nullptr, 10));
          while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
          j = k;
        }
      }
      Token t;
      t.number = true;
      t.value = std::strtod(s.substr(i, j - i).c_str(), nullptr);
      t.unit = std::pow(10.0, exponent - decimals);
      out.push_back(t);
      i = j;
      continue;
    }
    push_text(s[i]);
    ++i;
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> lines;
  std::string cur;
  for (char c : s) {
    if (c == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

}  // namespace

bool outputs_match(const std::string& expected, const std::string& actual, std::optional<double> tolerance) {
  if (!tolerance) return expected == actual;
  std::vector<Token> e = tokenize(expected), a = tokenize(actual);
  if (e.size() != a.size()) return false;
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (e[i].number != a[i].number) return false;
    if (!e[i].number) {
      if (e[i].text != a[i].text) return false;
      continue;
    }
    double x = e[i].value, y = a[i].value;
    if (x == y) continue;
    double diff = std::fabs(x - y);
    if (diff <= *tolerance * std::max(std::fabs(x), std::fabs(y))) continue;
    if (diff <= e[i].unit * (1 + 1e-9)) continue;
    return false;
  }
  return true;
}

std::string unified_diff(const std::string& expected, const std::string& actual, int context) {
  std::vector<std::string> a = lines_of(expected), b = lines_of(actual);
  std::size_t n = a.size(), m = b.size();
  // LCS table (outputs are small).
  std::vector<std::vector<int>> L(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      L[i][j] = a[i] == b[j] ? L[i + 1][j + 1] + 1 : std::max(L[i + 1][j], L[i][j + 1]);
  struct Op {
    char kind;  // ' ', '-', '+'
    std::string line;
    std::size_t ai, bi;
  };
  std::vector<Op> ops;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) ops.push_back({' ', a[i], i++, j++});
    else if (i < n && (j == m || L[i + 1][j] >= L[i][j + 1])) ops.push_back({'-', a[i], i++, j});
    else ops.push_back({'+', b[j], i, j++});
  }
  std::string out = "--- expected\n+++ actual\n";
  // Noted only when both sides have text (an empty side has no last line).
  bool final_newline_differs = !expected.empty() && !actual.empty() &&
                               (expected.back() == '\n') != (actual.back() == '\n');
  std::size_t k = 0;
  while (k < ops.size()) {
    if (ops[k].kind == ' ') {
      ++k;
      continue;
    }
    std::size_t start = k >= static_cast<std::size_t>(context) ? k - static_cast<std::size_t>(context) : 0;
    std::size_t end = k;
    // Extend the hunk while changes are within 2*context lines of each other.
    while (end < ops.size()) {
      if (ops[end].kind != ' ') {
        ++end;
        continue;
      }
      std::size_t run = end;
      while (run < ops.size() && ops[run].kind == ' ') ++run;
      if (run < ops.size() && run - end <= static_cast<std::size_t>(2 * context)) {
        end = run;
        continue;
      }
      end = std::min(ops.size(), end + static_cast<std::size_t>(context));
      break;
    }
    std::size_t a_start = ops[start].ai, b_start = ops[start].bi, a_len = 0, b_len = 0;
    for (std::size_t q = start; q < end; ++q) {
      if (ops[q].kind != '+') ++a_len;
      if (ops[q].kind != '-') ++b_len;
    }
    // An empty range is named by the line before it, as diff -u does.
    out += "@@ -" + std::to_string(a_len ? a_start + 1 : a_start) + "," + std::to_string(a_len) + " +" +
           std::to_string(b_len ? b_start + 1 : b_start) + "," + std::to_string(b_len) + " @@\n";
    for (std::size_t q = start; q < end; ++q) out += std::string(1, ops[q].kind) + ops[q].line + "\n";
    k = end;
  }
  if (final_newline_differs)
    out += std::string("\\ ") + (expected.empty() || expected.back() != '\n' ? "expected" : "actual") +
           " output has no newline at the end\n";
  return out;
}

}  // namespace lesson::lessonfile
