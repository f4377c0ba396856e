/** Every English string the console shows, in one place. */
export const STRINGS = {
  product: 'Concord Ledger',
  signIn: {
    title: 'Sign in',
    keyLabel: 'API key',
    keyHelp: 'The key your administrator gave you. It is kept for this browser tab only.',
    submit: 'Sign in',
    refused: 'This key is not known, or has been revoked.',
    keyEnded: 'The ledger no longer accepts the key this tab signed in with: it may have been revoked. Sign in again with a key that works.',
    signOut: 'Sign out',
    confirmSignOut: (drafts: number, sendings: number) =>
      `Signing out discards ${[
        drafts > 0 ? `the text typed and not sent in ${drafts} ${drafts === 1 ? 'form' : 'forms'}` : '',
        sendings > 0
          ? `${sendings} ${sendings === 1 ? 'sending' : 'sendings'} that got no answer (${sendings === 1 ? 'it' : 'they'} may or may not have been recorded)`
          : '',
      ]
        .filter((part) => part !== '')
        .join(' and ')}, so that the next clerk on this tab does not send them. Sign out?`,
    /** What a session ended by the ledger discarded from the tab. */
    discarded: (drafts: number, sendings: number) =>
      [
        'What this tab held was discarded, so that no other key sends it:',
        [
          drafts > 0 ? `${drafts} ${drafts === 1 ? 'form held' : 'forms held'} text typed and not sent` : '',
          sendings > 0 ? `${sendings} ${sendings === 1 ? 'sending' : 'sendings'} got no answer and may already have been recorded` : '',
        ]
          .filter((part) => part !== '')
          .join('; '),
        '. Check the ledger before typing them again.',
      ]
        .join(' ')
        .replace(' .', '.'),
    notAKey:
      'This is not an API key: a key is made of letters, digits and signs such as - and _, with no spaces or letters of other alphabets. Paste the key your administrator gave you.',
    signedInAs: (holder: string, role: string) => `${holder}, ${role}`,
    /** Where the forms would be, for a key that may not record. */
    readsOnly: (role: string) =>
      `You are signed in with ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role} key: it reads the ledger but may not record. Sign in with a secretariat key to record.`,
    callerUnknown: (problem: string) =>
      `The ledger did not say what this key may do (${problem}), so nothing can be recorded from this page yet. The console asks again by itself.`,
  },
  nav: { bodies: 'Bodies', audit: 'Audit' },
  /** Each page's title in the browser's tab and history, before the product's name. */
  ledgerLost: 'The ledger is not answering. What this page shows may be out of date, and a record sent now may not reach it. Trying again…',
  pageTitle: {
    signIn: 'Sign in',
    bodies: 'Bodies',
    body: (bodyId: string) => `Body ${bodyId}`,
    proposal: (proposalId: string) => `Proposal ${proposalId}`,
    meeting: (meetingId: string) => `Meeting desk ${meetingId}`,
    audit: 'Audit',
    notFound: 'No such page',
  },
  notFound: {
    title: 'No such page',
    said: (path: string) => `The console has no page at ${path}.`,
    back: 'See the bodies recorded',
  },
  audit: {
    title: 'Audit: prove the ledger was not altered',
    intro:
      'The ledger signs checkpoints of its log. Check here, in your browser and without trusting the server, that the latest checkpoint is signed by a published key and that an event is in the log it covers.',
    noTimeTravel: 'Time travel does not apply here: this page always shows the latest signed checkpoint, which covers every earlier position.',
    checkpoint: 'Latest signed checkpoint',
    size: (size: number) =>
      size === 0 ? 'It covers no events: the log was empty when it was signed.' : size === 1 ? 'It covers position 1.' : `It covers positions 1 to ${size}.`,
    keys: 'Published verifier keys',
    position: 'Position of the event to check',
    savedKey: 'Verifier key you saved earlier (optional)',
    savedKeyHint:
      'Without one, the keys this server publishes are used. A server could publish a key of its own, so keep the key you trust from elsewhere and paste it here.',
    check: 'Check in this browser',
    refresh: 'Read the latest checkpoint again',
    checking: 'Checking…',
    findings: 'What this browser found',
    signatureValid: (key: string) => `Signature valid: signed by ${key}.`,
    signatureInvalid: 'Signature NOT valid for any published key.',
    signatureInvalidSaved: 'Signature NOT valid for the key you saved.',
    savedKeyMalformed: (problem: string) => `The key you saved is not a verifier key (${problem}): paste it as the ledger publishes it, name+hash+key.`,
    positionMalformed: 'Give the position as a whole number, such as 5.',
    positionFromOne: 'Positions start at 1: the first event recorded is at position 1.',
    positionBeyond: (position: number, size: number) =>
      `Position ${position} is after the ${size} ${size === 1 ? 'event' : 'events'} this checkpoint covers. The ledger signs a new checkpoint as it records (by default at least once a minute): check again then, or check a position from 1 to ${size}.`,
    nothingSigned:
      'The latest checkpoint covers no event yet: there is nothing to check until the ledger records one and signs it (by default within a minute).',
    leafMatches: 'The entry hashes to the leaf the ledger gave.',
    leafDiffers: 'The entry does NOT hash to the leaf the ledger gave.',
    included: (position: number, size: number) => `Event ${position} is in the signed log of ${size} events: its proof leads to the signed root.`,
    notIncluded: (position: number) => `The proof for event ${position} does NOT lead to the signed root.`,
    includedUnsigned: (position: number) =>
      `The proof for event ${position} leads to the checkpoint's root, but the checkpoint's signature did not verify, so this proves nothing.`,
    entry: 'The entry, as hashed',
  },
  timeTravel: {
    legend: 'Time travel',
    kind: 'Show the ledger',
    now: 'as it is now',
    asOf: 'as recorded by (recorded time)',
    effectiveAt: 'as things stood on (world time)',
    atPosition: 'right after position',
    value: 'Time or position',
    apply: 'Go',
    back: 'Back to now',
    active: (label: string) => `Time travel: you are looking at the ledger ${label}. Nothing can be recorded here.`,
    timeExample: '2022-06-24 or 2022-06-24T14:30+02:00',
    positionExample: '120',
    notATime: 'Write a date (2022-06-24) or a date and time with its zone (2022-06-24T14:30+02:00, or Z for UTC).',
    notAPosition: 'Write a position: a whole number from 0, without leading zeros.',
    misspelt: (written: string, meant: string) =>
      `The address names "${written}", which the console does not read: it shows the ledger as it is now. Did you mean "${meant}"?`,
    pointRefusedTitle: 'No such point in time',
    pointRefusedBack: 'See this page as the ledger is now',
    twoPoints: (named: readonly string[]) => `The address names ${named.join(' and ')}: the console shows ${named[0] ?? 'one'} only.`,
    afterNow: ', which is still to come: the ledger as it was when this page was read',
  },
  bodies: {
    title: 'Bodies',
    empty: 'No body is recorded yet.',
    members: (participants: number, observers: number) =>
      `${participants} ${participants === 1 ? 'participant' : 'participants'}, ${observers} ${observers === 1 ? 'observer' : 'observers'}`,
    more: 'More',
  },
  body: {
    offices: 'Offices',
    chair: 'Chair',
    viceChair: 'Vice-Chair',
    noneRecorded: 'none recorded',
    term: (term: number) => `Term ${term}`,
    latestTerm: (term: number) => `Latest term recorded: ${term}`,
    participants: 'Participants',
    observers: 'Observers',
    definition: 'Definition in force',
    since: (date: string) => `since ${date}`,
    proposals: 'Proposals',
    meetings: 'Meetings',
    noProposals: 'No proposal is tabled.',
    proposalsShown: (count: number) => `The first ${count} proposals, in the order tabled.`,
    moreProposals: 'Show more proposals',
    versions: 'Versions of the definition',
    version: (from: string, until: string | null) => (until ? `In force from ${from} to ${until}` : `In force from ${from}`),
    status: { open: 'Open', adopted: 'Adopted', 'not-adopted': 'Not adopted', withdrawn: 'Withdrawn' },
    noMeetings: 'No meeting is convened.',
  },
  consensus: {
    possible: 'Consensus possible',
    blockedBy: (names: string) => `Blocked by ${names}`,
    /** A proposal no longer open, in words: decided one way or the other, or withdrawn. */
    decided: (status: string) =>
      status === 'withdrawn'
        ? 'Withdrawn'
        : status === 'adopted'
          ? 'Decided: adopted'
          : status === 'not-adopted'
            ? 'Decided: not adopted'
            : `Decided: ${status}`,
  },
  proposal: {
    text: 'Text',
    supporters: 'Supporters',
    objections: 'Standing objections',
    notBlocking: '(does not block: its participant is suspended or has withdrawn)',
    none: 'None',
    timeline: 'Timeline',
    corrected: 'corrected',
    revisions: 'Revisions',
    revision: (revision: number, date: string) => `Revision ${revision}, ${date}`,
    revise: 'Revise the text',
    added: '[added] ',
    removed: '[removed] ',
    tooLongToCompare: 'These two texts differ in too many words to be compared here: the revision is shown whole.',
    revisedText: 'New text, in full',
    closedMeanwhile:
      'This proposal was decided or withdrawn since you began this form, so it can no longer be revised. What you typed is kept here for you to copy.',
    /** Where an auditor finds the record again: its log position (for a proof) and who stored it when. */
    recorded: (position: number, recordedAt: string, by: string) => `Position ${position}, recorded ${recordedAt} UTC by ${by}`,
  },
  /**
   * A timeline's record in words. A template's {who} is a member's name (the id where the body does
   * not name it), {meeting} a meeting's id, {what} the corrected record in words.
   */
  records: {
    /** Each record's kind, by its type; a type not listed (a newer ledger's) is shown by its own name. */
    kinds: {
      BodyEstablished: 'Body established',
      ParticipantAdmitted: 'Participant admitted',
      ObserverAdmitted: 'Observer admitted',
      ParticipantSuspended: 'Participant suspended',
      ParticipantReinstated: 'Participant reinstated',
      MemberWithdrew: 'Withdrew from the body',
      ViceChairSelected: 'Vice-Chair selected',
      ChairAssigned: 'Chair assigned',
      MeetingConvened: 'Meeting convened',
      StatementRecorded: 'Statement',
      CommuniqueAdopted: 'Communiqué adopted',
      CommuniqueNotAdopted: 'Communiqué not adopted',
      MeetingClosed: 'Meeting closed',
      DefinitionAmendmentProposed: 'Amendment of the definition tabled',
      ProposalTabled: 'Tabled',
      ProposalRevised: 'Revised',
      SupportExpressed: 'Support expressed',
      ObjectionRaised: 'Objection raised',
      ObjectionWithdrawn: 'Objection withdrawn',
      ConsensusDeclared: 'Consensus declared',
      NoConsensusRecorded: 'No consensus recorded',
      ProposalDeferred: 'Deferred',
      ProposalWithdrawn: 'Withdrawn',
      CorrectionRecorded: 'Correction',
    },
    /** A record of one member: who supported, objected, was suspended. */
    of: '{kind} — {who}',
    /** A record made by members: who tabled or withdrew a proposal. */
    by: '{kind} by {who}',
    /** A decision, by the Chair of the term or the Vice-Chair acting for it. */
    byChair: '{kind} by the Chair ({who})',
    byActingChair: '{kind} by the acting Chair ({who})',
    revision: '{kind} (revision {revision})',
    deferredTo: '{kind} to meeting {meeting}',
    correctionOf: 'Correction of “{what}”',
  },
  correct: {
    action: 'Correct this record',
    /** The button's name for screen readers, which list every button of the page by name. */
    actionOn: (record: string, date: string) => `Correct this record: ${record}, ${date}`,
    // Records are counted from 1 for the clerk; the ledger numbers a stream's records from 0 (its revision).
    title: (record: string, revision: number) => `Correct “${record}” (record ${revision + 1} of this proposal)`,
    titleElsewhere: (record: string, revision: number, stream: string) => `Correct “${record}” (record ${revision + 1} of ${stream})`,
    field: 'Field to correct',
    /** A value offered for a field, as a clerk names it; the ledger's own where none is given here. */
    valueNames: { consensus: 'Consensus (adopted)', 'no-consensus': 'No consensus (not adopted)' } as Readonly<Record<string, string>>,
    /** A record's field as a clerk names it; the ledger's own name where none is given here. */
    fieldNames: {
      occurredAt: 'Date it happened',
      title: 'Title',
      text: 'Text',
      summary: 'Summary',
      grounds: 'Grounds',
      reason: 'Reason',
      name: 'Name',
      kind: 'Kind of participant',
      location: 'Place',
      opensOn: 'Opens on',
      closesOn: 'Closes on',
      participantId: 'Holder',
      basis: 'Basis',
      term: 'Term (year)',
      outcome: 'Outcome',
      declaredBy: 'Declared by',
    } as Readonly<Record<string, string>>,
    value: 'Correct value',
    reason: 'Why it is corrected',
    when: 'When the correction was decided (date or date-time)',
    changed: (field: string, from: string, to: string) => `${field}: “${from}” → “${to}”.`,
    because: (reason: string, date: string) => `${reason} (${date})`,
    readsAs: (kind: string) => `(reads as “${kind}” since its correction)`,
  },
  desk: {
    /** A participant suspended as the body reads now, in the desk's lists (a late entry may be dated before the suspension). */
    suspendedName: (name: string) => `${name} (suspended now)`,
    withdrawnName: (name: string) => `${name} (withdrawn now)`,
    /** Before the meeting's place and date in the desk's heading. */
    titleLead: 'Meeting desk:',
    statements: 'Statements',
    statementsShown: (shown: number) => `The first ${shown} statements.`,
    moreStatements: 'Show more statements',
    proposals: 'Proposals at this meeting',
    recordStatement: 'Record a statement',
    speaker: 'Speaker',
    about: 'About proposal (optional)',
    summary: 'Summary',
    occurredAt: 'When (date or date-time)',
    support: 'Record support',
    objection: 'Record an objection',
    participant: 'Participant',
    proposal: 'Proposal',
    grounds: 'Grounds',
    table: 'Table a proposal',
    proposalTitle: 'Title',
    proposalText: 'Text',
    kind: 'Kind',
    kinds: {
      'agenda-item': 'Agenda item',
      'administrative-decision': 'Administrative decision',
      admission: 'Admission',
      'definition-amendment': 'Amendment of the definition',
      other: 'Other',
    },
    proposedBy: 'Tabled by',
    proposalId: 'Id (optional)',
    proposalIdHint: 'made from the title if left empty',
    withdrawObjection: 'Withdraw an objection',
    objector: 'Objecting participant',
    defer: 'Defer a proposal',
    withdrawProposal: 'Withdraw a proposal',
    withdrawalReason: 'Why it is withdrawn',
    withdrawnBy: 'Withdrawn by (its proposers; leave empty if not recorded)',
    closeMeeting: 'Close the meeting',
    closedMeanwhile: 'The meeting was closed since you began this form, so it is not closed again.',
    /** A meeting closed with a date only: the day; closed at a time of day, that time, since a record later that day is refused too. */
    closedOn: (day: string) => `Closed on ${day}: records dated after that are refused.`,
    closedAt: (day: string, time: string) => `Closed at ${day} ${time} UTC: records dated after that are refused.`,
    deferTo: 'To meeting (optional)',
    /** Before the meeting an open proposal of this meeting's list was deferred to. */
    deferredElsewhere: 'deferred to',
    decide: 'Declare the outcome',
    outcome: 'Outcome',
    outcomes: { consensus: 'Consensus', 'no-consensus': 'No consensus' },
    declaredBy: 'Declared by (Chair or acting Vice-Chair)',
    communique: 'Record the communiqué',
    adopted: 'Communiqué adopted?',
    adoption: { yes: 'Adopted', no: 'Not adopted' },
    communiqueText: 'Text (when adopted)',
    noCommuniqueReason: 'Why none was adopted (when not adopted)',
    communiqueAdopted: 'Communiqué adopted',
    communiqueNotAdoptedHeading: 'Communiqué not adopted',
    communiqueNotAdopted: (reason: string) => `No communiqué was adopted: ${reason}`,
    record: 'Record',
    discard: 'Discard what is typed',
    recorded: 'Recorded.',
    replayed: 'Recorded by an earlier sending of this form, whose answer did not come back: recorded once, not twice.',
    stale:
      'Someone recorded something here since you began this form, so it was not recorded. Read the page again to see what changed (what you typed stays), then record again.',
    staleText:
      'The proposal’s text was revised since you chose it, so this was not recorded: it would have been on a text you have not read. Read the text now in force on the proposal’s page, then read this page again (what you typed stays) and record again.',
    reload: 'Read again',
    communiqueRecordedMeanwhile:
      'A communiqué was recorded for this meeting since you began this form, so another cannot be. What you typed is kept here for you to copy.',
    choiceGone: (labels: string) =>
      `What you chose for ${labels} is no longer offered: it changed since you chose it (a proposal decided or withdrawn meanwhile, say), so nothing was recorded. Choose again.`,
    reread: 'Read again: check what changed, then record again.',
    sending: 'Sending…',
    chooseFirst: (labels: string) => `Choose ${labels} first: nothing was sent.`,
    /** Beneath the ledger's own sentence for a date in the future, said before sending. */
    afterToday: (labels: string, today: string) =>
      `${labels}: after today on this computer’s calendar (${today}), so nothing was sent. For a day already begun where it happened, give the date with its time and zone (2022-06-24T09:00+09:00).`,
  },
  errors: {
    unexpected: 'Something went wrong. Try again.',
    addressRefused:
      'The page’s address names something the ledger cannot look up as written: an id has lowercase letters, digits and hyphens only, and a time-travel point is a date (2022-06-24), a date and time with its zone (2022-06-24T14:30+02:00) or a position.',
    sendAgainSafely: 'Sending this form again records it once at most.',
    noAnswer: 'No answer came back from the ledger: check that this browser is online.',
    slug: 'must be lowercase letters, digits and hyphens, beginning with a letter or digit, at most 64 characters',
    noAnswerInTime: (seconds: number) => `No answer came within ${seconds} s: the sending was given up.`,
    leftWhileSending: 'The page was left while this form was being sent, before the ledger answered.',
    noAnswerToCommand:
      'No answer came back from the ledger (check that this browser is online), so this may or may not have been recorded. Send it again: it is recorded once at most, and if it already was, the ledger says so.',
  },
  loading: 'Loading…',
  rereadRefused: 'This page could not be read again just now: what is shown is as it was last read, and what you typed is kept. It is read again shortly.',
  allShown: 'All are shown.',
} as const;
