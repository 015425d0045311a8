/**
 * English strings of the build page (#/build, src/ui/build). Keys start with "bui.". Part of the `build`
 * catalog part (build-page.en.ts), fetched with the page only; its nav and home entries are in the
 * main catalog. The stages' own titles, goals, hints and failure messages are the grader's
 * (build.en.ts); the starter file is its own chunk (buildui.starter.en.ts).
 */
export const buildUiEn = {
  'bui.doc': 'Build a server — ws101',
  'bui.title': 'Build your own WebSocket server',
  'bui.intro':
    'Write a WebSocket server in JavaScript, the way you would for Node. ws101 runs it in a sandbox in this page, against its own client over its simulated network, and grades it in {count} stages, from the handshake to protocol errors. Every byte your code sends is drawn on the sequence diagram.',
  'bui.lessonLead': 'The pieces, recapped first:',
  'bui.lessonLink': 'Lesson {n}: {title}',

  'bui.toolbar': 'Your file',
  'bui.run': 'Run tests',
  'bui.stop': 'Stop',
  'bui.share': 'Copy a link',
  'bui.download': 'Download my-server.js',
  'bui.reset': 'Reset to the starter',
  'bui.reset.ask': 'Replace your file with the starter? Undo brings yours back until you leave the page.',
  'bui.reset.yes': 'Yes, reset',
  'bui.reset.no': 'Cancel',
  'bui.reset.done': 'The starter is back.',
  'bui.undo': 'Undo',
  'bui.undone': 'Your file is back.',
  'bui.dismiss': 'Dismiss',

  'bui.editor.label': 'Your server (JavaScript)',
  'bui.editor.loading': 'Loading the editor and its JavaScript checking…',
  'bui.editor.failed': 'The editor could not load ({reason}).',
  'bui.editor.retry': 'Try again',
  'bui.editor.keys':
    'Ctrl+Enter (⌘+Enter on a Mac) runs the tests. Tab indents; to leave the editor with the keyboard, press Ctrl+M (Ctrl+Shift+M on a Mac), then Tab.',
  'bui.saved': 'Saved in this browser as you type.',
  'bui.saved.memory':
    'This browser does not let the page store your file: it lasts until you leave. Download it to keep it.',
  'bui.saved.tooLarge':
    'Your file is over {max} KB, so it is no longer saved in this browser. Download it to keep it.',
  'bui.stored.json':
    'The file saved in this browser was damaged (not valid JSON), so the starter is open instead.',
  'bui.stored.shape':
    'What was saved in this browser is not a file this page wrote, so the starter is open instead.',
  'bui.stored.tooLarge':
    'The file saved in this browser is over {max} KB, more than this page keeps, so the starter is open instead.',

  'bui.link.ask': 'This link carries a server file ({lines} lines). Open it in place of yours?',
  'bui.link.open': 'Open the link’s file',
  'bui.link.keep': 'Keep mine',
  'bui.link.opened': 'The link’s file is open. Nothing in it has run.',
  'bui.link.tooLong':
    'This link’s code is {chars} characters long; a link holds at most {max}, so it was not read. Your file is unchanged.',
  'bui.link.base64':
    'This link’s code is garbled (it has characters that base64url does not use), so it was not read. Your file is unchanged.',
  'bui.link.deflate':
    'This link’s code is incomplete or damaged (it does not inflate to a whole file: was the link cut short?), so it was not read. Your file is unchanged.',
  'bui.link.tooLarge':
    'This link’s code inflates to more than {max} KB, more than a file here may be, so it was not opened. Your file is unchanged.',
  'bui.link.utf8': 'This link’s code is not UTF-8 text, so it was not opened. Your file is unchanged.',
  'bui.link.badStage': 'There is no stage “{slug}”. The stages are: {list}.',

  'bui.share.copied':
    'Link copied ({chars} characters). Whoever opens it gets this file; nothing in it runs until they press Run tests.',
  'bui.share.manual': 'Copy this link to share your file:',
  'bui.share.field': 'Link to your file',
  'bui.share.tooLong':
    'Your file is too long for a link ({chars} characters; a link holds {max}). Download it instead, and send the file.',

  'bui.results': 'Results',
  'bui.summary': '{passed} of {total} stages pass',
  'bui.summary.idle': 'Not run yet. Press Run tests to grade your server.',
  'bui.summary.starting': 'Starting the sandbox…',
  'bui.summary.running': 'Running stage {n} of {total}: {title}…',
  'bui.stopped': 'Stopped at stage {n}: it and the stages after it did not run to the end.',
  'bui.stopped.all': 'Stopped.',
  'bui.halted':
    'Your code stopped the run in stage {n} (see below), so the stages after it did not run: they would only meet the same problem.',
  'bui.refused': 'Not run. {problem}. The editor marks where.',
  'bui.graderFailed': 'The tests stopped on an error in ws101 itself, not in your file: {message}',
  'bui.stale': 'You have changed the file since this run. Run the tests again to grade the new one.',
  'bui.goToLine': 'Go to line {line}',

  'bui.stages': 'Stages',
  'bui.stage.n': 'Stage {n}',
  'bui.status.pass': 'Pass',
  'bui.status.fail': 'Fail',
  'bui.status.crash': 'Stopped',
  'bui.status.running': 'Running…',
  'bui.status.waiting': 'Waiting',
  'bui.status.idle': 'Not run',
  'bui.status.stopped': 'Not run',
  'bui.locked': 'Pass stage {n} first.',
  'bui.rules': 'Rules:',
  'bui.taught': 'Taught in:',
  'bui.checks': 'What was checked',
  'bui.check.ok': 'passed',
  'bui.check.no': 'failed',
  'bui.hint': 'Hint',
  'bui.bytes': 'Show me the bytes',
  'bui.bytes.shown': 'Shown below',
  'bui.logs.one': 'Your console output ({n} line)',
  'bui.logs.other': 'Your console output ({n} lines)',

  'bui.view.title': 'Stage {n}, {title}: the bytes',
  'bui.view.close': 'Close the diagram',
  'bui.view.spot':
    'Paused at the arrow where your server went wrong; it is selected, and the inspector below shows its bytes.',
  'bui.view.spotByte':
    'Paused at the arrow where your server went wrong; it is selected, and in the inspector below the field holding byte {byte}, the first that differs, is lit.',
  'bui.view.noSpot':
    'Everything this stage sent and received, up to where it stopped: what was missing is in the stage’s reason. Press Play (or Home, then →) to watch it from the start.',
  'bui.view.all':
    'Everything this stage sent and received. Press Play (or Home, then →) to watch it from the start, and click an arrow to see its bytes.',
  'bui.view.back': 'Back to stage {n}',

  'bui.success.title': 'All {total} stages pass',
  'bui.success.text':
    'Your server speaks RFC 6455: the handshake, framing, masking, fragments, control frames, closing and protocol errors. Run the same file under Node (below) and point a real browser at it.',
  'bui.reference.show': 'Show a reference solution',
  'bui.reference.ask':
    'The reference solution is a whole working server: reading it ends the puzzle. Show it anyway?',
  'bui.reference.giveUp': 'I give up — show it',
  'bui.reference.keep': 'Keep trying',
  'bui.reference.title': 'A reference solution',
  'bui.reference.note': 'One way to pass every stage, read-only. Yours can be different and still be right.',
  'bui.reference.label': 'Reference solution (read-only)',
  'bui.reference.hide': 'Hide the reference solution',
  'bui.reference.loading': 'Loading the reference solution…',

  'bui.node.title': 'Run it under Node',
  'bui.node.intro':
    'The same file runs unchanged with Node’s net module, so a real browser, or any WebSocket client, can talk to it.',
  'bui.node.step1': 'Download your file:',
  'bui.node.step2': 'In a clone of ws101, start it:',
  'bui.node.step3': 'Then open its test page, which talks to your server with the browser’s own WebSocket:',
} as const;
