/** English strings of the lessons area; spread into the main catalog (en.ts). Keys start with "ls.". */
export const lessonsEn = {
  'ls.doc.list': 'Lessons — ws101',
  'ls.doc.lesson': '{title} — ws101 lessons',

  'ls.list.title': 'Lessons',
  'ls.list.intro':
    '{n} short lessons, from one plain HTTP request to a WebSocket that closes cleanly. Each one ends with exercises that this page checks with the real protocol engine.',
  'ls.list.overall': 'Your progress',
  'ls.list.start': 'Start with lesson 1: {title}',
  'ls.list.continue': 'Continue with lesson {n}: {title}',
  'ls.list.allDone': 'You have done every exercise. Well done.',
  'ls.list.number': 'Lesson {n}',
  'ls.list.complete': 'Complete',

  'ls.progress.one': '{done} of {n} exercise done',
  'ls.progress.other': '{done} of {n} exercises done',

  'ls.lesson.eyebrow': 'Lesson {n} of {total}',
  'ls.lesson.goals': 'Goals',
  'ls.lesson.back': 'All lessons',
  'ls.lesson.nav': 'Lessons',
  'ls.lesson.prev': 'Previous',
  'ls.lesson.next': 'Next',
  'ls.lesson.loading': 'Loading the lesson…',
  'ls.lesson.missing.title': 'No such lesson',
  'ls.lesson.missing.text': 'There is no lesson called “{slug}”. The link may be old or mistyped.',
  'ls.lesson.missing.link': 'See all lessons',
  'ls.lesson.failed': 'The lesson could not be loaded. Check the connection and try again.',
  'ls.retry': 'Try again',

  'ls.notice.reset': 'Your saved progress could not be read and was reset.',
  'ls.notice.memory':
    'This browser does not let the page save your progress, so it lasts only until you close the page.',
  'ls.notice.dismiss': 'Dismiss',

  'ls.ex.heading': 'Exercise {n}',
  'ls.ex.link': 'Link to exercise {n}',
  'ls.ex.linkShort': 'Link',
  'ls.step.unknown':
    'This link points to step “{step}”, which this lesson does not have (it may have been renamed); starting from the top.',
  'ls.step.bad':
    'The link’s step “{step}” is not an exercise name (lowercase letters, digits and hyphens); starting from the top.',
  'ls.ex.done': 'Done',
  'ls.ex.pickOne': 'Pick one answer.',
  'ls.ex.pickMany': 'Pick every right answer.',
  'ls.ex.answer': 'Your answer',
  'ls.ex.frame': 'Your frame (hex)',
  'ls.ex.request': 'Your request',
  'ls.ex.check': 'Check',
  'ls.ex.hint': 'Hint',
  'ls.ex.hintNext': 'Next hint',
  'ls.ex.hintsLeft.one': '{n} left',
  'ls.ex.hintsLeft.other': '{n} left',
  'ls.ex.noMoreHints': 'No more hints',
  'ls.ex.hints': 'Hints',
  'ls.ex.solution': 'Show solution',
  'ls.ex.filled': 'The solution is filled in. Read it, then press Check to see why it is right.',
  'ls.ex.correct': 'Correct.',
  'ls.ex.wrong': 'Not yet.',

  'ls.w.loading': 'Loading…',
  'ls.w.failed': 'This part of the lesson could not be loaded.',
  'ls.w.playground': 'Playground',
  'ls.w.race.title': 'Transport race',
  'ls.w.unsupported': 'The “{name}” widget is not available in this version.',

  'ls.fw.label': 'Frame bytes (hex)',
  'ls.fw.c2s': 'Client → server: the server reads these bytes.',
  'ls.fw.s2c': 'Server → client: the client reads these bytes.',

  'ls.http.label': 'Handshake request (HTTP/1.1)',
  'ls.http.note':
    'One header per line. The line endings (CRLF) and the empty line that ends the request are added for you.',
  'ls.http.response': 'What the server sends back',
  'ls.http.accepted': 'Accepted: the server answers 101 and the connection becomes a WebSocket.',
  'ls.http.refused': 'Refused with HTTP {status}.',
  'ls.http.computing': 'Computing Sec-WebSocket-Accept…',
} as const;
