// The seed: what Timeline starts with, as typed plain data.
//
// It starts from a French news article (published around 2023-09-11) that relays a Wall Street
// Journal report of 2023-09-10 about Meta's next large language model. The facts were checked
// against public sources (see ../shared/seed/facts.md in the design notes); every title, summary,
// claim and note below is written in our own words. Quotes are a source's own few words.
//
// References between records use slugs (organizations, subjects, tags, events) and `key`s
// (sources; a key is not stored, a source is identified in the database by publisher + title).
// Dates are fuzzy-date texts, parsed by parseFuzzyDate (src/features/dates).

export type SubjectKind = 'model' | 'product' | 'suite' | 'hardware' | 'other';
export type EventKind =
  | 'release'
  | 'announcement'
  | 'report'
  | 'training'
  | 'partnership'
  | 'hardware'
  | 'investment'
  | 'rename'
  | 'retirement'
  | 'other';
export type Confidence = 'confirmed' | 'reported' | 'rumored';
export type MilestoneKind = 'dated' | 'relative' | 'attribute';
export type Outcome = 'met' | 'early' | 'late' | 'partly_met' | 'missed' | 'withdrawn' | 'unverifiable';

export interface OrganizationSeed {
  slug: string;
  name: string;
  website: string | null;
  description: string;
  /** Other names it goes by; imports match them and search finds them (docs/decisions/0033). */
  aliases?: string[];
}

export interface SubjectSeed {
  slug: string;
  name: string;
  kind: SubjectKind;
  description: string;
  /** Organization slugs. */
  organizations: string[];
}

export interface DiscrepancySeed {
  /** What the source says. */
  claim: string;
  /** What is true, and how we know. */
  correction: string;
}

export interface SourceSeed {
  /** Referenced by events and milestones; not stored. */
  key: string;
  publisher: string;
  title: string;
  /** http(s) only; null when the address is not known. */
  url: string | null;
  /** 'YYYY-MM-DD', or null when unknown. */
  publishedOn: string | null;
  /** BCP 47 tag. */
  language: string;
  isPrimary: boolean;
  /** Key of the source this one relays. */
  citesKey?: string;
  discrepancies?: DiscrepancySeed[];
}

export interface TagSeed {
  slug: string;
  name: string;
}

export interface EventSourceSeed {
  sourceKey: string;
  /** A few words quoted from the source, only where we quote it. */
  quote?: string;
}

export interface EventSeed {
  slug: string;
  title: string;
  summary: string;
  kind: EventKind;
  confidence: Confidence;
  /** Fuzzy date as written, e.g. '2023-07-18'. */
  dateText: string;
  organizations: string[];
  subjects: string[];
  sources: EventSourceSeed[];
  tags: string[];
}

interface MilestoneSeedBase {
  slug: string;
  /** The claim, short. */
  title: string;
  /** The claim, longer. */
  claim: string;
  /** Who made the claim. */
  sourceKey: string;
  /** 'YYYY-MM-DD'. */
  claimedOn: string;
  /** The words used. */
  quote: string;
  organizations: string[];
  subjects: string[];
  outcome?: Outcome;
  settledByEventSlug?: string;
  resolutionNote?: string;
  /** 'YYYY-MM-DD'. */
  resolvedAt?: string;
}

export interface DatedMilestoneSeed extends MilestoneSeedBase {
  kind: 'dated';
  /** The expected date in the source's own words, read by the claim grammar against `claimedOn`. */
  expectedText: string;
}

export interface RelativeMilestoneSeed extends MilestoneSeedBase {
  kind: 'relative';
  /** The event this claim must come after. */
  afterEventSlug: string;
  afterText: string;
}

export interface AttributeMilestoneSeed extends MilestoneSeedBase {
  kind: 'attribute';
}

export type MilestoneSeed = DatedMilestoneSeed | RelativeMilestoneSeed | AttributeMilestoneSeed;

/** A source an earlier seed wrote and this one no longer holds, by its identity. */
export interface RetiredSourceSeed {
  publisher: string;
  title: string;
  /** Why it went, for whoever reads the data. */
  reason: string;
}

export interface SeedData {
  organizations: OrganizationSeed[];
  subjects: SubjectSeed[];
  tags: TagSeed[];
  sources: SourceSeed[];
  events: EventSeed[];
  milestones: MilestoneSeed[];
  /** Deleted from a database seeded before, once nothing refers to them any more. */
  retiredSources?: RetiredSourceSeed[];
}

// ---------------------------------------------------------------------------
// Organizations

const organizations: OrganizationSeed[] = [
  {
    slug: 'meta',
    name: 'Meta',
    website: 'https://about.meta.com/',
    description: 'Owner of Facebook, Instagram, WhatsApp and Messenger; publishes the Llama family of language models.',
    aliases: ['Meta AI', 'Facebook AI Research', 'FAIR', 'Facebook', 'Meta Platforms'],
  },
  {
    slug: 'openai',
    name: 'OpenAI',
    website: 'https://openai.com/',
    description: 'AI lab behind the GPT models and the ChatGPT assistant.',
  },
  {
    slug: 'google',
    name: 'Google',
    website: 'https://about.google/',
    description: 'Search and cloud company; maker of the Bard chatbot and the Gemini models.',
    // Its AI labs (DeepMind, merged with Google Brain into Google DeepMind in 2023) count as Google here.
    aliases: ['Google DeepMind', 'DeepMind', 'Google Brain', 'Google Research', 'Alphabet'],
  },
  {
    slug: 'microsoft',
    name: 'Microsoft',
    website: 'https://www.microsoft.com/',
    description: 'Software and cloud company (Azure); backer of OpenAI and launch partner for Llama 2.',
  },
  {
    slug: 'nvidia',
    name: 'Nvidia',
    website: 'https://www.nvidia.com/',
    description: 'Chip designer whose data-centre GPUs, such as the H100, are used to train most large AI models.',
  },
  {
    slug: 'adobe',
    name: 'Adobe',
    website: 'https://www.adobe.com/',
    description: 'Creative-software company; maker of the Firefly generative models.',
  },
  {
    slug: 'midjourney',
    name: 'Midjourney',
    website: 'https://www.midjourney.com/',
    description: 'Independent research lab running the Midjourney text-to-image service.',
  },
  {
    slug: 'tii',
    name: 'Technology Innovation Institute',
    website: 'https://www.tii.ae/',
    description: 'Abu Dhabi government research centre (TII) that publishes the Falcon language models.',
    aliases: ['TII'],
  },
];

// ---------------------------------------------------------------------------
// Subjects

const subjects: SubjectSeed[] = [
  {
    slug: 'llama-2',
    name: 'Llama 2',
    kind: 'model',
    description: "Meta's second generation of large language models, released in July 2023 with downloadable weights.",
    organizations: ['meta'],
  },
  {
    slug: 'llama-3',
    name: 'Llama 3',
    kind: 'model',
    description: "Meta's third generation of large language models, released in April 2024 with downloadable weights.",
    organizations: ['meta'],
  },
  {
    slug: 'llama-3-1',
    name: 'Llama 3.1',
    kind: 'model',
    description: 'Update of Llama 3 released in July 2024, including a 405-billion-parameter model.',
    organizations: ['meta'],
  },
  {
    slug: 'llama-4',
    name: 'Llama 4',
    kind: 'model',
    description: "Meta's fourth generation of Llama models, mixture-of-experts and multimodal; Scout and Maverick were released with downloadable weights in April 2025.",
    organizations: ['meta'],
  },
  {
    slug: 'gpt-4',
    name: 'GPT-4',
    kind: 'model',
    description: "OpenAI's multimodal large language model released in March 2023.",
    organizations: ['openai'],
  },
  {
    slug: 'gpt-4o',
    name: 'GPT-4o',
    kind: 'model',
    description: "OpenAI's model that handles text, audio and images in one network, released in May 2024.",
    organizations: ['openai'],
  },
  {
    slug: 'chatgpt',
    name: 'ChatGPT',
    kind: 'product',
    description: "OpenAI's conversational assistant, launched in November 2022.",
    organizations: ['openai'],
  },
  {
    slug: 'gemini',
    name: 'Gemini',
    kind: 'model',
    description: "Google's multimodal model family: announced at Google I/O in May 2023 while still in training, launched as Gemini 1.0 (Ultra, Pro, Nano) in December 2023, followed by Gemini 1.5 in February 2024; also the name of Google's chatbot since February 2024.",
    organizations: ['google'],
  },
  {
    slug: 'bard',
    name: 'Bard',
    kind: 'product',
    description: "Google's conversational assistant, announced in February 2023 and renamed Gemini in February 2024.",
    organizations: ['google'],
  },
  {
    slug: 'cm3leon',
    name: 'CM3leon',
    kind: 'model',
    description: 'Meta research model that generates images from text and text from images; presented in July 2023 without released weights.',
    organizations: ['meta'],
  },
  {
    slug: 'audiocraft',
    name: 'AudioCraft',
    kind: 'suite',
    description: "Meta's generative audio code base: MusicGen (music from text), AudioGen (sound effects from text) and the EnCodec neural audio codec.",
    organizations: ['meta'],
  },
  {
    slug: 'firefly',
    name: 'Firefly',
    kind: 'product',
    description: "Adobe's family of generative models for images and text effects, built into its creative apps.",
    organizations: ['adobe'],
  },
  {
    slug: 'midjourney',
    name: 'Midjourney',
    kind: 'product',
    description: 'Text-to-image generator used through a Discord server, in open beta since July 2022.',
    organizations: ['midjourney'],
  },
  {
    slug: 'h100',
    name: 'H100',
    kind: 'hardware',
    description: "Nvidia's Hopper-architecture data-centre GPU, announced in March 2022.",
    organizations: ['nvidia'],
  },
  {
    slug: 'falcon-180b',
    name: 'Falcon 180B',
    kind: 'model',
    description: "TII's 180-billion-parameter language model with downloadable weights, released in September 2023.",
    organizations: ['tii'],
  },
  {
    slug: 'meta-ai',
    name: 'Meta AI assistant',
    kind: 'product',
    description: "Meta's conversational assistant inside its messaging and social apps, launched in September 2023 alongside a set of AI characters.",
    organizations: ['meta'],
  },
  {
    slug: 'instagram',
    name: 'Instagram',
    kind: 'product',
    description: "Meta's photo and video social network.",
    organizations: ['meta'],
  },
  {
    slug: 'whatsapp',
    name: 'WhatsApp',
    kind: 'product',
    description: "Meta's messaging app.",
    organizations: ['meta'],
  },
  {
    slug: 'messenger',
    name: 'Messenger',
    kind: 'product',
    description: "Meta's messaging app linked to Facebook.",
    organizations: ['meta'],
  },
  {
    slug: 'azure',
    name: 'Azure',
    kind: 'product',
    description: "Microsoft's cloud computing platform; one of the channels through which Llama 2 was offered.",
    organizations: ['microsoft'],
  },
];

// ---------------------------------------------------------------------------
// Tags

const tags: TagSeed[] = [
  { slug: 'llm', name: 'Large language models' },
  { slug: 'open-weights', name: 'Open weights' },
  { slug: 'image-generation', name: 'Image generation' },
  { slug: 'audio', name: 'Audio' },
  { slug: 'chips', name: 'Chips' },
  { slug: 'chatbot', name: 'Chatbots' },
  { slug: 'research', name: 'Research' },
  { slug: 'partnership', name: 'Partnership' },
];

// ---------------------------------------------------------------------------
// Sources

const sources: SourceSeed[] = [
  {
    key: 'nvidia-hopper-announcement',
    publisher: 'Nvidia',
    title: 'NVIDIA Announces Hopper Architecture, the Next Generation of Accelerated Computing',
    url: 'https://nvidianews.nvidia.com/news/nvidia-announces-hopper-architecture-the-next-generation-of-accelerated-computing',
    publishedOn: '2022-03-22',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'midjourney-open-beta-post',
    publisher: 'Midjourney',
    title: 'Post on X announcing the open beta',
    url: 'https://twitter.com/midjourney/status/1547108864788553729',
    // Posted late on 12 July, California time (13 July in UTC).
    publishedOn: '2022-07-12',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'nvidia-hopper-full-production',
    publisher: 'Nvidia',
    title: 'NVIDIA Hopper in Full Production',
    url: 'https://nvidianews.nvidia.com/news/nvidia-hopper-in-full-production',
    publishedOn: '2022-09-20',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'openai-chatgpt',
    publisher: 'OpenAI',
    title: 'Introducing ChatGPT',
    url: 'https://openai.com/index/chatgpt/',
    publishedOn: '2022-11-30',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'google-bard-announcement',
    publisher: 'Google',
    title: 'An important next step on our AI journey',
    url: 'https://blog.google/technology/ai/bard-google-ai-search-updates/',
    publishedOn: '2023-02-06',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'openai-gpt-4',
    publisher: 'OpenAI',
    title: 'GPT-4',
    url: 'https://openai.com/research/gpt-4',
    publishedOn: '2023-03-14',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'google-try-bard',
    publisher: 'Google',
    title: 'Try Bard and share your feedback',
    url: 'https://blog.google/technology/ai/try-bard/',
    publishedOn: '2023-03-21',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'adobe-firefly-beta',
    publisher: 'Adobe',
    title: 'Adobe Unveils Firefly, a Family of New Creative Generative AI',
    url: 'https://news.adobe.com/news/news-details/2023/adobe-unveils-firefly-a-family-of-new-creative-generative-ai',
    publishedOn: '2023-03-21',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'google-io-2023-keynote',
    publisher: 'Google',
    title: 'Google I/O 2023: Making AI more helpful for everyone',
    url: 'https://blog.google/technology/ai/google-io-2023-keynote-sundar-pichai/',
    publishedOn: '2023-05-10',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'meta-cm3leon',
    publisher: 'Meta',
    title: 'Introducing CM3leon, a more efficient, state-of-the-art generative model for text and images',
    url: 'https://ai.meta.com/blog/generative-ai-text-images-cm3leon/',
    publishedOn: '2023-07-14',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'meta-llama-2',
    publisher: 'Meta',
    title: 'Meta and Microsoft Introduce the Next Generation of Llama',
    url: 'https://about.fb.com/news/2023/07/llama-2/',
    publishedOn: '2023-07-18',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'llama-2-paper',
    publisher: 'Meta (arXiv)',
    title: 'Llama 2: Open Foundation and Fine-Tuned Chat Models',
    url: 'https://arxiv.org/abs/2307.09288',
    publishedOn: '2023-07-18',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'llama-2-model-card',
    publisher: 'Meta (GitHub)',
    title: 'Llama 2 model card',
    url: 'https://github.com/meta-llama/llama/blob/main/MODEL_CARD.md',
    publishedOn: null,
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'meta-audiocraft',
    publisher: 'Meta',
    title: 'AudioCraft: A simple one-stop shop for audio modeling',
    url: 'https://ai.meta.com/blog/audiocraft-musicgen-audiogen-encodec-generative-ai-audio/',
    publishedOn: '2023-08-02',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'tii-falcon-180b',
    publisher: 'Technology Innovation Institute',
    title: 'Technology Innovation Institute Introduces World’s Most Powerful Open LLM: Falcon 180B',
    url: 'https://www.tii.ae/news/technology-innovation-institute-introduces-worlds-most-powerful-open-llm-falcon-180b',
    publishedOn: '2023-09-06',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'hf-falcon-180b',
    publisher: 'Hugging Face',
    title: 'Spread Your Wings: Falcon 180B is here',
    url: 'https://huggingface.co/blog/falcon-180b',
    publishedOn: '2023-09-06',
    language: 'en',
    isPrimary: false,
  },
  {
    key: 'wsj-meta-next-model',
    publisher: 'The Wall Street Journal',
    title: 'Meta Is Developing a New, More Powerful AI System as Technology Race Escalates',
    url: null,
    publishedOn: '2023-09-10',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'livemint-meta-next-model',
    publisher: 'Mint (livemint.com)',
    title: "Meta is working on new AI model even more powerful than OpenAI's GPT-4, says report",
    url: 'https://www.livemint.com/ai/artificial-intelligence/meta-is-working-on-new-ai-model-even-more-powerful-than-openais-gpt-4-says-report-11694396138923.html',
    publishedOn: '2023-09-11',
    language: 'en',
    isPrimary: false,
    citesKey: 'wsj-meta-next-model',
  },
  {
    key: 'fr-article-meta-next-model',
    publisher: 'French tech news site (name not recorded)',
    title: "Meta ambitionne de surpasser ChatGPT 4 avec son prochain modèle d’IA",
    url: null,
    publishedOn: '2023-09-11',
    language: 'fr',
    isPrimary: false,
    citesKey: 'wsj-meta-next-model',
    discrepancies: [
      {
        claim: "The article says Meta had to rely on Microsoft's Azure cloud to train Llama 2.",
        correction:
          "Wrong. The Llama 2 paper and model card say pretraining ran on Meta's own Research SuperCluster and internal production clusters (fine-tuning, annotation and evaluation also used unnamed third-party cloud compute). Azure was a distribution channel: Microsoft was Meta's launch partner and offered Llama 2 on Azure (Llama 2 paper; Meta's announcement of 2023-07-18).",
      },
      {
        claim: 'The article says Google\'s Gemini was expected in May 2024.',
        correction:
          'Wrong. Google first presented Gemini on 2023-05-10 at Google I/O, as a model still in training (Google\'s I/O 2023 keynote post), and launched Gemini 1.0 on 2023-12-06 (Google blog), 147 days before May 2024 began. None of the other sources we hold gives May 2024; the English relays of the WSJ report only say Meta\'s model would probably come after Gemini.',
      },
      {
        claim: 'The article says the new model would be twice as powerful as Llama 2.',
        correction:
          'The WSJ report, as relayed by other outlets such as Mint, said "several times" more powerful than Llama 2; "twice" is the article\'s own rendering.',
      },
    ],
  },
  {
    key: 'jpr-firefly-general-availability',
    publisher: 'Jon Peddie Research',
    title: 'Adobe sends users off on their commercial generative AI journey',
    url: 'https://www.jonpeddie.com/news/adobe-sends-users-off-on-their-commercial-generative-ai-journey/',
    publishedOn: null,
    language: 'en',
    isPrimary: false,
  },
  {
    key: 'meta-connect-2023-ai',
    publisher: 'Meta',
    title: 'Introducing New AI Experiences Across Our Family of Apps and Devices',
    url: 'https://about.fb.com/news/2023/09/introducing-ai-powered-assistants-characters-and-creative-tools/',
    publishedOn: '2023-09-27',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'toms-hardware-omdia-h100',
    publisher: "Tom's Hardware",
    title: 'Nvidia sold half a million H100 AI GPUs in Q3 thanks to Meta, Facebook — lead times stretch up to 52 weeks: Report',
    url: 'https://www.tomshardware.com/tech-industry/nvidia-ai-and-hpc-gpu-sales-reportedly-approached-half-a-million-units-in-q3-thanks-to-meta-facebook',
    publishedOn: null,
    language: 'en',
    isPrimary: false,
  },
  {
    key: 'thurrott-omdia-h100',
    publisher: 'Thurrott.com',
    title: 'Report: Microsoft and Meta to Receive 3x as Many Nvidia GPUs as Google and Amazon By End of Year',
    url: 'https://www.thurrott.com/cloud/293683/microsoft-and-meta-to-receive-3x-as-many-nvidia-gpus-as-google-and-amazon-by-end-of-year',
    publishedOn: null,
    language: 'en',
    isPrimary: false,
  },
  {
    key: 'google-gemini-introduction',
    publisher: 'Google',
    title: 'Introducing Gemini: our largest and most capable AI model',
    url: 'https://blog.google/technology/ai/google-gemini-ai/',
    publishedOn: '2023-12-06',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'axios-llama-3-training',
    publisher: 'Axios',
    title: 'Meta begins training Llama 3, reshuffles AI responsibilities',
    url: 'https://www.axios.com/2024/01/18/zuckerberg-meta-llama-3-ai',
    publishedOn: '2024-01-18',
    language: 'en',
    isPrimary: false,
    discrepancies: [
      {
        claim: 'Axios says Meta expected to end 2024 with more than 340,000 Nvidia H100 GPUs.',
        correction:
          "Zuckerberg's post of the same day, as quoted by the press, and Meta's engineering blog of 2024-03-12 both give 350,000 H100s by the end of 2024, within a fleet worth nearly 600,000 H100s of compute.",
      },
    ],
  },
  {
    key: 'google-bard-becomes-gemini',
    publisher: 'Google',
    title: 'Bard becomes Gemini: Try Ultra 1.0 and a new mobile app today',
    url: 'https://blog.google/products/gemini/bard-gemini-advanced-app/',
    publishedOn: '2024-02-08',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'google-gemini-1-5',
    publisher: 'Google',
    title: 'Our next-generation model: Gemini 1.5',
    url: 'https://blog.google/technology/ai/google-gemini-next-generation-model-february-2024/',
    publishedOn: '2024-02-15',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'meta-genai-infrastructure',
    publisher: 'Meta (Engineering at Meta)',
    title: 'Building Meta’s GenAI Infrastructure',
    url: 'https://engineering.fb.com/2024/03/12/data-center-engineering/building-metas-genai-infrastructure/',
    publishedOn: '2024-03-12',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'meta-llama-3',
    publisher: 'Meta',
    title: 'Introducing Meta Llama 3: The most capable openly available LLM to date',
    url: 'https://ai.meta.com/blog/meta-llama-3/',
    publishedOn: '2024-04-18',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'llama-3-model-card',
    publisher: 'Meta (GitHub)',
    title: 'Meta Llama 3 model card',
    url: 'https://github.com/meta-llama/llama3/blob/main/MODEL_CARD.md',
    publishedOn: null,
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'openai-gpt-4o',
    publisher: 'OpenAI',
    title: 'Hello GPT-4o',
    url: 'https://openai.com/index/hello-gpt-4o/',
    publishedOn: '2024-05-13',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'meta-llama-3-1',
    publisher: 'Meta',
    title: 'Introducing Llama 3.1: Our most capable models to date',
    url: 'https://ai.meta.com/blog/meta-llama-3-1/',
    publishedOn: '2024-07-23',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'meta-ai-studio',
    publisher: 'Meta',
    title: 'Create Your Own Custom AI With AI Studio',
    url: 'https://about.fb.com/news/2024/07/create-your-own-custom-ai-with-ai-studio/',
    publishedOn: '2024-07-29',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'gadinsider-celebrity-ais-retired',
    publisher: 'Gadinsider',
    title: 'Meta shifts focus from celebrity AI chatbots to creator-driven AI Studio',
    url: 'https://www.gadinsider.com/meta-shifts-focus-from-celebrity-ai-chatbots-to-creator-driven-ai-studio-artificial-intelligence-7874',
    publishedOn: null,
    language: 'en',
    isPrimary: false,
  },
  {
    key: 'meta-q3-2024-earnings-call',
    publisher: 'Meta Platforms (investor relations)',
    title: 'Meta Q3 2024 Earnings Call Transcript',
    url: 'https://s21.q4cdn.com/399680738/files/doc_financials/2024/q3/META-Q3-2024-Earnings-Call-Transcript.pdf',
    publishedOn: '2024-10-30',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'websiteplanet-ai-profiles-deleted',
    publisher: 'Website Planet',
    title: 'Meta Deletes Its AI Instagram & Facebook Profiles',
    url: 'https://websiteplanet.com/news/meta-deletes-ai-profiles/',
    publishedOn: null,
    language: 'en',
    isPrimary: false,
  },
  {
    key: 'meta-llama-4',
    publisher: 'Meta',
    title: 'The Llama 4 herd: The beginning of a new era of natively multimodal AI innovation',
    url: 'https://ai.meta.com/blog/llama-4-multimodal-intelligence/',
    publishedOn: '2025-04-05',
    language: 'en',
    isPrimary: true,
  },
];

// Sources an earlier seed held and this one does not, each without an address: a database seeded
// before loses them once no record of its own cites them.
const retiredSources: RetiredSourceSeed[] = [
  {
    publisher: 'AnandTech',
    title: "NVIDIA: H100 Hopper Accelerator Now in Full Production, DGX Shipping In Q1'23",
    reason: "No address recorded; Nvidia's own release is the primary source for the full-production event.",
  },
  {
    publisher: 'Midjourney',
    title: 'Open beta announcement on the Midjourney Discord server',
    reason: "A Discord message has no public address; Midjourney's post on X announcing the open beta replaces it.",
  },
  {
    publisher: 'The Jerusalem Post',
    title: "Report relaying the WSJ on Meta's next AI model (headline not recorded)",
    reason: 'Neither headline nor address could be found; Mint relays the same WSJ report with an address.',
  },
  {
    publisher: 'Adobe',
    title: 'Firefly generally available for commercial use (Adobe newsroom release; headline not recorded)',
    reason: "Adobe's release could not be found; a Jon Peddie Research report of the general availability replaces it.",
  },
  {
    publisher: 'Mark Zuckerberg (public video post)',
    title: "Video update on Meta's AI plans saying Llama 3 is in training",
    reason: "The video's address is not recorded; Axios reported it the same day.",
  },
];

// ---------------------------------------------------------------------------
// Events

const events: EventSeed[] = [
  {
    slug: 'nvidia-h100-announced',
    title: 'Nvidia announces the H100 data-centre GPU',
    summary:
      'At its GTC conference on 22 March 2022, Nvidia unveiled the H100, the first GPU built on its Hopper architecture. The chip targets the training and serving of large AI models in data centres.',
    kind: 'hardware',
    confidence: 'confirmed',
    dateText: '2022-03-22',
    organizations: ['nvidia'],
    subjects: ['h100'],
    sources: [{ sourceKey: 'nvidia-hopper-announcement' }],
    tags: ['chips'],
  },
  {
    slug: 'midjourney-open-beta',
    title: 'Midjourney opens its image generator as a public beta',
    summary:
      "Midjourney made its text-to-image generator available as an open beta on 12 July 2022 (California time). People use the service by typing prompts in Midjourney's Discord server.",
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2022-07-12',
    organizations: ['midjourney'],
    subjects: ['midjourney'],
    sources: [{ sourceKey: 'midjourney-open-beta-post' }],
    tags: ['image-generation'],
  },
  {
    slug: 'nvidia-h100-full-production',
    title: 'Nvidia says the H100 is in full production',
    summary:
      'At its autumn GTC on 20 September 2022, Nvidia said the H100 had entered full production. Systems from partner manufacturers were due to ship from October 2022.',
    kind: 'hardware',
    confidence: 'confirmed',
    dateText: '2022-09-20',
    organizations: ['nvidia'],
    subjects: ['h100'],
    sources: [{ sourceKey: 'nvidia-hopper-full-production', quote: 'Full Production' }],
    tags: ['chips'],
  },
  {
    slug: 'chatgpt-launch',
    title: 'OpenAI launches ChatGPT',
    summary:
      'On 30 November 2022 OpenAI opened ChatGPT to the public as a free research preview. The conversational assistant was tuned from a model of the GPT-3.5 series.',
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2022-11-30',
    organizations: ['openai'],
    subjects: ['chatgpt'],
    sources: [{ sourceKey: 'openai-chatgpt' }],
    tags: ['llm', 'chatbot'],
  },
  {
    slug: 'bard-announced',
    title: 'Google announces Bard',
    summary:
      'On 6 February 2023 Google presented Bard, an experimental conversational AI service, and gave access first to a group of trusted testers. Broader availability was promised for the following weeks.',
    kind: 'announcement',
    confidence: 'confirmed',
    dateText: '2023-02-06',
    organizations: ['google'],
    subjects: ['bard'],
    sources: [{ sourceKey: 'google-bard-announcement' }],
    tags: ['llm', 'chatbot'],
  },
  {
    slug: 'gpt-4-release',
    title: 'OpenAI releases GPT-4',
    summary:
      'GPT-4 came out on 14 March 2023. Besides text it could read pictures, though its replies were text only, and OpenAI reported large gains over GPT-3.5 on professional and academic exams. Paying ChatGPT Plus users got it first; developers joined a waitlist for the API.',
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2023-03-14',
    organizations: ['openai'],
    subjects: ['gpt-4', 'chatgpt'],
    sources: [{ sourceKey: 'openai-gpt-4' }],
    tags: ['llm'],
  },
  {
    slug: 'bard-opens-us-uk',
    title: 'Bard opens to users in the US and the UK',
    summary:
      'From 21 March 2023 people in the United States and the United Kingdom could join a waitlist to use Bard. Google still described the service as an early experiment.',
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2023-03-21',
    organizations: ['google'],
    subjects: ['bard'],
    sources: [{ sourceKey: 'google-try-bard' }],
    tags: ['llm', 'chatbot'],
  },
  {
    slug: 'adobe-firefly-beta',
    title: 'Adobe unveils Firefly in beta',
    summary:
      'On 21 March 2023 Adobe announced Firefly, a family of generative models for images and text effects, and opened it as a beta. Adobe said the first model had been trained on licensed and public-domain images.',
    kind: 'announcement',
    confidence: 'confirmed',
    dateText: '2023-03-21',
    organizations: ['adobe'],
    subjects: ['firefly'],
    sources: [{ sourceKey: 'adobe-firefly-beta' }],
    tags: ['image-generation'],
  },
  {
    slug: 'gemini-announced-io-2023',
    title: 'Google first presents Gemini, still in training, at I/O',
    summary:
      'In its I/O keynote on 10 May 2023, Google named Gemini as its next-generation foundation model, built to be multimodal from the start. The model was not ready: Google said it was still being trained and that versions of several sizes would follow.',
    kind: 'announcement',
    confidence: 'confirmed',
    dateText: '2023-05-10',
    organizations: ['google'],
    subjects: ['gemini'],
    sources: [{ sourceKey: 'google-io-2023-keynote', quote: 'still in training' }],
    tags: ['llm'],
  },
  {
    slug: 'meta-cm3leon-announced',
    title: 'Meta presents CM3leon, a text-and-image generation model',
    summary:
      "On 14 July 2023 Meta's AI researchers described CM3leon, a single model that turns text into images and images into text. It was shared as research only: no weights were released.",
    kind: 'announcement',
    confidence: 'confirmed',
    dateText: '2023-07-14',
    organizations: ['meta'],
    subjects: ['cm3leon'],
    sources: [{ sourceKey: 'meta-cm3leon' }],
    tags: ['image-generation', 'research'],
  },
  {
    slug: 'llama-2-release',
    title: 'Meta releases Llama 2, with Microsoft as preferred partner',
    summary:
      "Meta released Llama 2 on 18 July 2023, a family of large language models whose weights can be downloaded for research and commercial use under Meta's licence. Microsoft was named preferred partner and offered the models on its Azure cloud.",
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2023-07-18',
    organizations: ['meta', 'microsoft'],
    subjects: ['llama-2', 'azure'],
    sources: [{ sourceKey: 'meta-llama-2' }, { sourceKey: 'llama-2-paper' }, { sourceKey: 'llama-2-model-card' }],
    tags: ['llm', 'open-weights', 'partnership'],
  },
  {
    slug: 'audiocraft-release',
    title: 'Meta releases AudioCraft',
    summary:
      'On 2 August 2023 Meta published AudioCraft, a code base for generating audio. It bundles MusicGen for music from text, AudioGen for sound effects from text, and the EnCodec neural audio codec.',
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2023-08-02',
    organizations: ['meta'],
    subjects: ['audiocraft'],
    sources: [{ sourceKey: 'meta-audiocraft' }],
    tags: ['audio', 'open-weights'],
  },
  {
    slug: 'falcon-180b-release',
    title: 'TII releases Falcon 180B',
    summary:
      "Abu Dhabi's Technology Innovation Institute published Falcon 180B on 6 September 2023, a language model of 180 billion parameters with downloadable weights. It was presented as an open challenger to ChatGPT, Bard and Llama 2.",
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2023-09-06',
    organizations: ['tii'],
    subjects: ['falcon-180b'],
    sources: [{ sourceKey: 'tii-falcon-180b' }, { sourceKey: 'hf-falcon-180b' }],
    tags: ['llm', 'open-weights'],
  },
  {
    slug: 'wsj-meta-next-model-report',
    title: 'WSJ reports Meta is building a GPT-4-class model',
    summary:
      "On 10 September 2023 The Wall Street Journal, citing people familiar with the plans, reported that Meta was developing a model meant to rival OpenAI's GPT-4 and to be several times more powerful than Llama 2. Training was expected to start in early 2024 on Meta's own Nvidia H100 infrastructure, with a release during 2024, probably after Google's Gemini.",
    kind: 'report',
    confidence: 'confirmed',
    dateText: '2023-09-10',
    organizations: ['meta', 'openai', 'nvidia', 'google'],
    subjects: ['llama-3', 'llama-2', 'gpt-4', 'h100', 'gemini'],
    sources: [
      { sourceKey: 'wsj-meta-next-model' },
      { sourceKey: 'livemint-meta-next-model', quote: 'several times more powerful' },
      { sourceKey: 'fr-article-meta-next-model', quote: 'Lancement courant 2024' },
    ],
    tags: ['llm'],
  },
  {
    slug: 'adobe-firefly-general-availability',
    title: 'Adobe Firefly becomes generally available for commercial use',
    summary:
      'On 13 September 2023 Adobe took Firefly out of beta and made it generally available for commercial use. The models became usable across Adobe\'s creative apps and a Firefly web app.',
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2023-09-13',
    organizations: ['adobe'],
    subjects: ['firefly'],
    sources: [{ sourceKey: 'jpr-firefly-general-availability' }],
    tags: ['image-generation'],
  },
  {
    slug: 'meta-ai-assistant-launch',
    title: 'Meta launches the Meta AI assistant and 28 AI characters',
    summary:
      'At its Connect 2023 conference on 27 September 2023, Meta introduced Meta AI, a conversational assistant, together with 28 AI characters with their own personalities. They were rolled out in WhatsApp, Messenger and Instagram.',
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2023-09-27',
    organizations: ['meta'],
    subjects: ['meta-ai', 'instagram', 'whatsapp', 'messenger'],
    sources: [{ sourceKey: 'meta-connect-2023-ai' }],
    tags: ['chatbot', 'llm'],
  },
  {
    slug: 'omdia-meta-h100-estimate',
    title: 'Analysts estimate Meta bought about 150,000 H100s in 2023',
    summary:
      "In late November 2023 the market-research firm Omdia estimated that Meta and Microsoft had each taken about 150,000 of Nvidia's H100 GPUs that year, around three times as many as Google, Amazon or Oracle. It is an outside estimate reported by the press; neither company confirmed the figure.",
    kind: 'investment',
    confidence: 'reported',
    dateText: 'late November 2023',
    organizations: ['meta', 'microsoft', 'nvidia'],
    subjects: ['h100'],
    sources: [{ sourceKey: 'toms-hardware-omdia-h100' }, { sourceKey: 'thurrott-omdia-h100' }],
    tags: ['chips'],
  },
  {
    slug: 'gemini-launch',
    title: 'Google launches Gemini 1.0',
    summary:
      'Seven months after first naming it, Google released Gemini 1.0 on 6 December 2023 in three sizes: Ultra, Pro and Nano. Bard switched to Gemini Pro that day and the Pixel 8 Pro got Gemini Nano, while Ultra was held back for further safety checks.',
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2023-12-06',
    organizations: ['google'],
    subjects: ['gemini', 'bard'],
    sources: [{ sourceKey: 'google-gemini-introduction' }],
    tags: ['llm', 'chatbot'],
  },
  {
    slug: 'llama-3-training-confirmed',
    title: 'Zuckerberg says Llama 3 is in training',
    summary:
      'In a video posted to Instagram on 18 January 2024, Mark Zuckerberg said Meta had begun training Llama 3. Axios and other outlets reported it the same day.',
    kind: 'training',
    confidence: 'confirmed',
    dateText: '2024-01-18',
    organizations: ['meta'],
    subjects: ['llama-3'],
    sources: [{ sourceKey: 'axios-llama-3-training', quote: 'has started training Llama 3' }],
    tags: ['llm'],
  },
  {
    slug: 'meta-h100-fleet-plan',
    title: 'Zuckerberg plans about 350,000 H100s at Meta by the end of 2024',
    summary:
      "In the same post of 18 January 2024, Zuckerberg said Meta was building the computing power for its roadmap: about 350,000 Nvidia H100s by the end of the year, and close to 600,000 H100s' worth of compute once its other chips were counted. Meta's engineering blog repeated the figures in March.",
    kind: 'investment',
    confidence: 'confirmed',
    dateText: '2024-01-18',
    organizations: ['meta', 'nvidia'],
    subjects: ['h100'],
    sources: [{ sourceKey: 'axios-llama-3-training' }, { sourceKey: 'meta-genai-infrastructure', quote: '350,000 NVIDIA H100 GPUs' }],
    tags: ['chips'],
  },
  {
    slug: 'bard-renamed-gemini',
    title: 'Google renames Bard to Gemini',
    summary:
      'On 8 February 2024 Google renamed its Bard chatbot Gemini and released a Gemini mobile app. Its largest model, Gemini Ultra, became available through a paid tier called Gemini Advanced.',
    kind: 'rename',
    confidence: 'confirmed',
    dateText: '2024-02-08',
    organizations: ['google'],
    subjects: ['bard', 'gemini'],
    sources: [{ sourceKey: 'google-bard-becomes-gemini' }],
    tags: ['chatbot', 'llm'],
  },
  {
    slug: 'gemini-1-5-announced',
    title: 'Google unveils Gemini 1.5',
    summary:
      'Ten weeks after Gemini 1.0, on 15 February 2024, Google showed Gemini 1.5 Pro, built as a mixture of experts. Its headline feature was a context window of up to a million tokens, offered first to a limited group of developers and business customers.',
    kind: 'announcement',
    confidence: 'confirmed',
    dateText: '2024-02-15',
    organizations: ['google'],
    subjects: ['gemini'],
    sources: [{ sourceKey: 'google-gemini-1-5' }],
    tags: ['llm'],
  },
  {
    slug: 'meta-24k-gpu-clusters',
    title: "Meta details the two 24,576-GPU clusters training Llama 3",
    summary:
      "On 12 March 2024 Meta's engineers described two new data-centre clusters of 24,576 Nvidia H100 GPUs each, one networked with RoCE and one with InfiniBand, and said Llama 3 was being trained on them.",
    kind: 'hardware',
    confidence: 'confirmed',
    dateText: '2024-03-12',
    organizations: ['meta', 'nvidia'],
    subjects: ['llama-3', 'h100'],
    sources: [{ sourceKey: 'meta-genai-infrastructure', quote: 'We use this cluster design for Llama 3 training.' }],
    tags: ['chips', 'llm'],
  },
  {
    slug: 'llama-3-release',
    title: 'Meta releases Llama 3 with open weights',
    summary:
      "Meta released Llama 3 on 18 April 2024 in versions of 8 and 70 billion parameters, with downloadable weights under its custom licence. Meta said the models were trained on its own GPU clusters.",
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2024-04-18',
    organizations: ['meta'],
    subjects: ['llama-3'],
    sources: [{ sourceKey: 'meta-llama-3' }, { sourceKey: 'llama-3-model-card' }],
    tags: ['llm', 'open-weights'],
  },
  {
    slug: 'gpt-4o-release',
    title: 'OpenAI releases GPT-4o',
    summary:
      'On 13 May 2024 OpenAI introduced GPT-4o, one model that takes and produces text, audio and images, answering speech almost as fast as a person in conversation. Its text and image features began reaching ChatGPT users that day, the free tier included.',
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2024-05-13',
    organizations: ['openai'],
    subjects: ['gpt-4o', 'chatgpt'],
    sources: [{ sourceKey: 'openai-gpt-4o' }],
    tags: ['llm', 'chatbot'],
  },
  {
    slug: 'llama-3-1-405b-release',
    title: 'Meta releases Llama 3.1, including a 405B model',
    summary:
      "Llama 3.1 came out on 23 July 2024 with new 8B and 70B versions and a 405-billion-parameter model, the largest Meta had released. Meta claimed the 405B model stood level with the best proprietary models, and published its weights like the others.",
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2024-07-23',
    organizations: ['meta'],
    subjects: ['llama-3-1'],
    sources: [{ sourceKey: 'meta-llama-3-1', quote: 'the first frontier-level open source AI model' }],
    tags: ['llm', 'open-weights'],
  },
  {
    slug: 'meta-ai-characters-retired',
    title: "Meta retires its celebrity AI characters as AI Studio launches",
    summary:
      "Meta opened AI Studio on 29 July 2024, letting people in the US build their own AI characters, and in the following days told the press that the characters played by celebrities were no longer available. The remaining AI character profiles it had created were deleted from Facebook and Instagram in January 2025.",
    kind: 'retirement',
    confidence: 'confirmed',
    dateText: 'late July 2024',
    organizations: ['meta'],
    subjects: ['meta-ai', 'instagram', 'messenger', 'whatsapp'],
    sources: [
      { sourceKey: 'meta-ai-studio' },
      { sourceKey: 'gadinsider-celebrity-ais-retired' },
      { sourceKey: 'websiteplanet-ai-profiles-deleted' },
    ],
    tags: ['chatbot'],
  },
  {
    slug: 'llama-4-training-cluster',
    title: 'Zuckerberg says Llama 4 trains on more than 100,000 H100s',
    summary:
      'On the earnings call of 30 October 2024, Mark Zuckerberg said the Llama 4 models were being trained on a cluster of more than 100,000 H100 GPUs, larger than any he had seen reported elsewhere, and that the smaller models would be ready first, in early 2025.',
    kind: 'training',
    confidence: 'confirmed',
    dateText: '2024-10-30',
    organizations: ['meta', 'nvidia'],
    subjects: ['llama-4', 'h100'],
    sources: [{ sourceKey: 'meta-q3-2024-earnings-call', quote: 'bigger than 100,000 H100s' }],
    tags: ['llm', 'chips'],
  },
  {
    slug: 'llama-4-release',
    title: 'Meta releases Llama 4 Scout and Maverick',
    summary:
      'On 5 April 2025 Meta published the weights of the first Llama 4 models, Scout and Maverick. Both are mixture-of-experts models with 17 billion active parameters that read images as well as text; a much larger model, Behemoth, was still in training.',
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2025-04-05',
    organizations: ['meta'],
    subjects: ['llama-4'],
    sources: [{ sourceKey: 'meta-llama-4' }],
    tags: ['llm', 'open-weights'],
  },
];

// ---------------------------------------------------------------------------
// Milestones: the claims of the WSJ report of 2023-09-10. We hold no text of the report itself,
// so each claim is credited to the relay whose words it quotes: the French article (which gives
// the dates the windows are read from) or Mint's English relay. Both cite the WSJ.
// All outcomes were known by the end of July 2024 (Llama 3.1, retirement of the AI characters).

const RESOLVED_AT = '2024-07-31';
const ARTICLE = 'fr-article-meta-next-model';
const ARTICLE_DATE = '2023-09-11';
const MINT = 'livemint-meta-next-model';
const MINT_DATE = '2023-09-11';

const milestones: MilestoneSeed[] = [
  {
    slug: 'meta-next-model-training-early-2024',
    title: 'Meta starts training its next model in early 2024',
    claim:
      "Relaying the WSJ, the article puts the start of training for Meta's answer to GPT-4 at the beginning of 2024; Mint's English relay of the report gives the same timing.",
    kind: 'dated',
    expectedText: 'à partir de début 2024',
    sourceKey: ARTICLE,
    claimedOn: ARTICLE_DATE,
    quote: 'à partir de début 2024',
    organizations: ['meta'],
    subjects: ['llama-3'],
    outcome: 'met',
    settledByEventSlug: 'llama-3-training-confirmed',
    resolutionNote:
      'Mark Zuckerberg said on 18 January 2024 that Llama 3 was in training, which falls inside the early-2024 window (January to April). Meta did not give the exact day training began.',
    resolvedAt: RESOLVED_AT,
  },
  {
    slug: 'meta-next-model-release-2024',
    title: 'Meta releases its next model during 2024',
    claim:
      "On the article's reading of the WSJ, the GPT-4 rival reaches users some time in 2024, as long as its training keeps to plan.",
    kind: 'dated',
    expectedText: 'dans le courant de l’année prochaine',
    sourceKey: ARTICLE,
    claimedOn: ARTICLE_DATE,
    quote: 'dans le courant de l’année prochaine',
    organizations: ['meta'],
    subjects: ['llama-3'],
    outcome: 'met',
    settledByEventSlug: 'llama-3-release',
    resolutionNote:
      'Meta released Llama 3 on 18 April 2024, inside the 2024 window; its largest version, Llama 3.1 405B, followed on 23 July 2024.',
    resolvedAt: RESOLVED_AT,
  },
  {
    slug: 'meta-next-model-after-gemini',
    title: "Meta's next model comes out after Google's Gemini",
    claim:
      "The article expects Meta's model to arrive only once Google has brought out Gemini, which it presents as the coming upgrade for Bard.",
    kind: 'relative',
    afterEventSlug: 'gemini-launch',
    afterText: "after Google's Gemini",
    sourceKey: ARTICLE,
    claimedOn: ARTICLE_DATE,
    quote: 'après l’annonce de Gemini',
    organizations: ['meta', 'google'],
    subjects: ['llama-3', 'gemini'],
    outcome: 'met',
    settledByEventSlug: 'llama-3-release',
    resolutionNote:
      'Google had already named Gemini at I/O in May 2023, before the article, so the claim is read against its launch: Gemini 1.0 came out on 6 December 2023 and Llama 3 followed on 18 April 2024, so the order held.',
    resolvedAt: RESOLVED_AT,
  },
  {
    slug: 'google-gemini-may-2024',
    title: 'Google releases Gemini in May 2024',
    claim:
      'The article dates Google\'s Gemini to May 2024. No English relay of the WSJ report that we hold gives that month, so the claim is the article\'s own.',
    kind: 'dated',
    expectedText: 'qu’on attend en mai 2024',
    sourceKey: ARTICLE,
    claimedOn: ARTICLE_DATE,
    quote: 'qu’on attend en mai 2024',
    organizations: ['google'],
    subjects: ['gemini', 'bard'],
    outcome: 'early',
    settledByEventSlug: 'gemini-launch',
    resolutionNote:
      'Gemini came well before May 2024. Google first presented it at I/O on 10 May 2023, still in training, and launched Gemini 1.0 on 6 December 2023, 147 days before the May 2024 window opened; the gap is counted from the launch, the first day Gemini could be used. The date is recorded as a discrepancy on the French article.',
    resolvedAt: RESOLVED_AT,
  },
  {
    slug: 'meta-next-model-several-times-llama-2',
    title: "Meta's next model is several times more powerful than Llama 2",
    claim:
      'Mint, relaying the WSJ, says the new model should outclass Llama 2 several times over. The French article, relaying the same report, says twice instead (recorded as a discrepancy on the article).',
    kind: 'attribute',
    sourceKey: MINT,
    claimedOn: MINT_DATE,
    quote: "several times more powerful than the company's last AI system, Llama 2",
    organizations: ['meta'],
    subjects: ['llama-3', 'llama-2'],
    outcome: 'partly_met',
    settledByEventSlug: 'llama-3-release',
    resolutionNote:
      'Llama 3 clearly outperformed Llama 2 on the benchmarks Meta published, and Llama 3.1 405B (July 2024) was pitched as a match for the best closed models. But "powerful" has no agreed measure, and neither "several times" (WSJ, as relayed by Mint) nor "twice" (the French article, recorded as a discrepancy) can be checked as a multiple, so the claim is judged partly met.',
    resolvedAt: RESOLVED_AT,
  },
  {
    slug: 'meta-next-model-open',
    title: 'Meta offers its next model openly',
    claim:
      'Per the WSJ as relayed by Mint, Zuckerberg wanted the model released openly and at no cost, as with earlier Meta models, so that other companies could build their own AI tools on top of it.',
    kind: 'attribute',
    sourceKey: MINT,
    claimedOn: MINT_DATE,
    quote: 'pushing for the new model to be open-sourced and made available for free',
    organizations: ['meta'],
    subjects: ['llama-3'],
    outcome: 'met',
    settledByEventSlug: 'llama-3-release',
    resolutionNote:
      "Llama 3's weights can be downloaded under Meta's custom licence, which allows commercial use with conditions. That is open weights rather than an OSI-approved open-source licence, but it matches what the claim described.",
    resolvedAt: RESOLVED_AT,
  },
  {
    slug: 'meta-next-model-own-infrastructure',
    title: 'Meta trains its next model on its own H100 infrastructure, without Azure',
    claim:
      "Mint, relaying the WSJ, reports that Meta would train the model in data centres of its own, stocked with the Nvidia H100s it was buying, rather than on Microsoft's Azure, through which Llama 2 had been offered.",
    kind: 'attribute',
    sourceKey: MINT,
    claimedOn: MINT_DATE,
    quote: 'Meta plans to train the new model using its own infrastructure',
    organizations: ['meta', 'nvidia', 'microsoft'],
    subjects: ['llama-3', 'h100', 'azure'],
    outcome: 'met',
    settledByEventSlug: 'meta-24k-gpu-clusters',
    resolutionNote:
      "Met, with a caveat. Meta's engineering blog of 12 March 2024 says Llama 3 was trained on two of Meta's own clusters of 24,576 H100s, and the Llama 3 model card says pretraining ran on Meta's Research SuperCluster and production clusters. The same model card, like Llama 2's, adds that fine-tuning, annotation and evaluation also used third-party cloud compute, without naming the provider. The claim concerned where the model would be trained, and the compute-heavy pretraining ran on Meta's own H100s, so it is judged met rather than partly met, with the caveat recorded here. The article's premise that Llama 2 had been trained on Azure was wrong (recorded as a discrepancy): Llama 2 was pretrained on Meta's clusters too, and Azure only distributed it.",
    resolvedAt: RESOLVED_AT,
  },
  {
    slug: 'meta-instagram-chatbot-30-personalities',
    title: 'Meta adds a chatbot with 30 personalities to Instagram',
    claim:
      'The article reports that Meta meant to give Instagram a chatbot that users could meet in 30 different personalities, with no date (the context implies 2023). The figure is absent from the English relays of the WSJ report we hold; it matches an Instagram app leak reported by the press in June 2023, so the claim is credited to the article.',
    kind: 'dated',
    expectedText: '2023',
    sourceKey: ARTICLE,
    claimedOn: ARTICLE_DATE,
    quote: 'un chatbot, décliné en 30 personnalités',
    organizations: ['meta'],
    subjects: ['instagram', 'meta-ai'],
    outcome: 'partly_met',
    settledByEventSlug: 'meta-ai-characters-retired',
    resolutionNote:
      'Partly met. Within 2023, on 27 September, Meta launched 28 AI characters with their own personalities in Instagram, Messenger and WhatsApp, beside the Meta AI assistant, so the timing and the idea held. But there were 28 rather than 30, they were separate characters rather than one chatbot with several personalities, and they did not last: the celebrity characters were withdrawn when AI Studio opened at the end of July 2024, and the remaining profiles were deleted in January 2025. A claim that came true only in part, and for less than a year, is judged partly met, and the retirement settles it.',
    resolvedAt: RESOLVED_AT,
  },
];

export const seedData: SeedData = { organizations, subjects, tags, sources, events, milestones, retiredSources };
