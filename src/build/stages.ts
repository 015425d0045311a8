/**
 * The capstone's stages, in the order a server is built: each names the RFC sections it exercises and
 * the lessons that teach them (lesson ids, as in lessons/<lang>/NN-<id>.md). Slugs are stable: links
 * (`#/build/<slug>`) and lessons use them.
 */
export const STAGE_SLUGS = [
  'handshake',
  'refuse',
  'echo',
  'lengths',
  'boundaries',
  'fragments',
  'closing',
  'errors',
] as const;
export type StageSlug = (typeof STAGE_SLUGS)[number];

export interface StageInfo {
  /** 1-based, as the page counts them. */
  readonly n: number;
  readonly slug: StageSlug;
  /** RFC 6455 sections, as "§4.2.2" (plus RFC 9110 for HTTP statuses where it is the rule). */
  readonly rfc: readonly string[];
  /** Lesson ids that teach what the stage checks. */
  readonly lessons: readonly string[];
}

export const STAGES: readonly StageInfo[] = [
  { n: 1, slug: 'handshake', rfc: ['§4.2.1', '§4.2.2'], lessons: ['upgrade-header', 'opening-handshake'] },
  {
    n: 2,
    slug: 'refuse',
    rfc: ['§4.2.1', '§4.2.2', '§4.4'],
    lessons: ['opening-handshake', 'when-things-go-wrong'],
  },
  { n: 3, slug: 'echo', rfc: ['§5.1', '§5.2', '§5.3'], lessons: ['frame-anatomy', 'masking'] },
  { n: 4, slug: 'lengths', rfc: ['§5.2'], lessons: ['payload-length'] },
  { n: 5, slug: 'boundaries', rfc: ['§5.2', '§5.4'], lessons: ['frame-anatomy', 'backpressure'] },
  {
    n: 6,
    slug: 'fragments',
    rfc: ['§5.4', '§5.5.2', '§5.5.3'],
    lessons: ['fragmentation', 'control-frames'],
  },
  { n: 7, slug: 'closing', rfc: ['§5.5.1', '§7.1.1', '§7.4.1'], lessons: ['closing'] },
  {
    n: 8,
    slug: 'errors',
    rfc: ['§5.1', '§5.2', '§5.5', '§7.1.7', '§8.1'],
    lessons: ['when-things-go-wrong'],
  },
];

export const stageBySlug = (slug: string): StageInfo | undefined => STAGES.find((s) => s.slug === slug);
