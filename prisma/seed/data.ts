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
  /** The expected date as the source put it, in a form parseFuzzyDate accepts. */
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
    slug: 'gpt-4',
    name: 'GPT-4',
    kind: 'model',
    description: "OpenAI's multimodal large language model released in March 2023.",
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
    description: "Google's multimodal model family (Ultra, Pro, Nano), launched in December 2023; also the name of Google's chatbot since February 2024.",
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
    key: 'midjourney-open-beta-discord',
    publisher: 'Midjourney',
    title: 'Open beta announcement on the Midjourney Discord server',
    url: null,
    publishedOn: '2022-07-12',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'anandtech-h100-full-production',
    publisher: 'AnandTech',
    title: "NVIDIA: H100 Hopper Accelerator Now in Full Production, DGX Shipping In Q1'23",
    url: null,
    publishedOn: '2022-09-20',
    language: 'en',
    isPrimary: false,
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
    key: 'meta-audiocraft',
    publisher: 'Meta',
    title: 'AudioCraft: A simple one-stop shop for audio modeling',
    url: 'https://ai.meta.com/blog/audiocraft-musicgen-audiogen-encodec-generative-ai-audio/',
    publishedOn: '2023-08-02',
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
    isPrimary: true,
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
    key: 'jpost-meta-next-model',
    publisher: 'The Jerusalem Post',
    title: "Report relaying the WSJ on Meta's next AI model (headline not recorded)",
    url: null,
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
          "Wrong. The Llama 2 paper states that pretraining ran on Meta's own Research SuperCluster and internal production clusters. Azure was a distribution channel: Microsoft was Meta's launch partner and offered Llama 2 on Azure (Llama 2 paper; Meta's announcement of 2023-07-18).",
      },
      {
        claim: 'The article says Google\'s Gemini was expected in May 2024.',
        correction:
          'Wrong. Google announced and launched Gemini on 2023-12-06 (Google blog), about five months before May 2024. None of the other sources we hold gives May 2024; the WSJ report, as relayed elsewhere, only said Meta\'s model would probably come after Gemini.',
      },
      {
        claim: 'The article says the new model would be twice as powerful as Llama 2.',
        correction:
          'The WSJ report, as relayed by other outlets such as Mint, said "several times" more powerful than Llama 2; "twice" is the article\'s own rendering.',
      },
    ],
  },
  {
    key: 'adobe-firefly-ga',
    publisher: 'Adobe',
    title: 'Firefly generally available for commercial use (Adobe newsroom release; headline not recorded)',
    url: null,
    publishedOn: '2023-09-13',
    language: 'en',
    isPrimary: true,
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
    key: 'google-gemini-introduction',
    publisher: 'Google',
    title: 'Introducing Gemini: our largest and most capable AI model',
    url: 'https://blog.google/technology/ai/google-gemini-ai/',
    publishedOn: '2023-12-06',
    language: 'en',
    isPrimary: true,
  },
  {
    key: 'zuckerberg-llama-3-training-video',
    publisher: 'Mark Zuckerberg (public video post)',
    title: "Video update on Meta's AI plans saying Llama 3 is in training",
    url: null,
    publishedOn: '2024-01-18',
    language: 'en',
    isPrimary: true,
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
    key: 'meta-llama-3',
    publisher: 'Meta',
    title: 'Introducing Meta Llama 3: The most capable openly available LLM to date',
    url: 'https://ai.meta.com/blog/meta-llama-3/',
    publishedOn: '2024-04-18',
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
      "Midjourney made its text-to-image generator available as an open beta on 12 July 2022. People use the service by typing prompts in Midjourney's Discord server.",
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2022-07-12',
    organizations: ['midjourney'],
    subjects: ['midjourney'],
    sources: [{ sourceKey: 'midjourney-open-beta-discord' }],
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
    sources: [{ sourceKey: 'anandtech-h100-full-production', quote: 'full production' }],
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
      'OpenAI released GPT-4 on 14 March 2023, a large multimodal model that takes text and images as input and answers in text. It reached ChatGPT Plus subscribers first, and developers through an API waitlist.',
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
    sources: [{ sourceKey: 'meta-llama-2' }, { sourceKey: 'llama-2-paper' }],
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
    sources: [{ sourceKey: 'hf-falcon-180b' }],
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
    organizations: ['meta'],
    subjects: ['llama-3', 'llama-2', 'gpt-4', 'h100'],
    sources: [
      { sourceKey: 'wsj-meta-next-model' },
      { sourceKey: 'livemint-meta-next-model', quote: 'several times more powerful' },
      { sourceKey: 'jpost-meta-next-model' },
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
    sources: [{ sourceKey: 'adobe-firefly-ga' }],
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
    slug: 'gemini-launch',
    title: 'Google announces and launches Gemini',
    summary:
      'Google introduced Gemini on 6 December 2023, a multimodal model family in Ultra, Pro and Nano sizes. Gemini Pro started powering Bard that day and Gemini Nano arrived on the Pixel 8 Pro, while Ultra was kept for later.',
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
      'In a public video post on 18 January 2024, Mark Zuckerberg said Meta was training Llama 3. The statement was widely reported the same day.',
    kind: 'training',
    confidence: 'confirmed',
    dateText: '2024-01-18',
    organizations: ['meta'],
    subjects: ['llama-3'],
    sources: [{ sourceKey: 'zuckerberg-llama-3-training-video' }],
    tags: ['llm'],
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
    slug: 'llama-3-release',
    title: 'Meta releases Llama 3 with open weights',
    summary:
      "Meta released Llama 3 on 18 April 2024 in versions of 8 and 70 billion parameters, with downloadable weights under its custom licence. Meta said the models were trained on its own GPU clusters.",
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2024-04-18',
    organizations: ['meta'],
    subjects: ['llama-3'],
    sources: [{ sourceKey: 'meta-llama-3' }],
    tags: ['llm', 'open-weights'],
  },
  {
    slug: 'llama-3-1-405b-release',
    title: 'Meta releases Llama 3.1, including a 405B model',
    summary:
      'On 23 July 2024 Meta released Llama 3.1, whose largest model has 405 billion parameters, together with updated 8B and 70B versions. Meta presented the 405B model as the first openly available model able to compete with the leading closed ones.',
    kind: 'release',
    confidence: 'confirmed',
    dateText: '2024-07-23',
    organizations: ['meta'],
    subjects: ['llama-3-1'],
    sources: [{ sourceKey: 'meta-llama-3-1', quote: 'the first frontier-level open source AI model' }],
    tags: ['llm', 'open-weights'],
  },
];

// ---------------------------------------------------------------------------
// Milestones: the claims of the WSJ report as relayed by the French article.
// All outcomes were known by the end of July 2024 (Llama 3.1, retirement of the AI characters).

const RESOLVED_AT = '2024-07-31';
const WSJ = 'wsj-meta-next-model';
const WSJ_DATE = '2023-09-10';

const milestones: MilestoneSeed[] = [
  {
    slug: 'meta-next-model-training-early-2024',
    title: 'Meta starts training its next model in early 2024',
    claim:
      'Meta would begin training its next large language model, meant to rival GPT-4, from early 2024, once its own data centres and Nvidia H100 chips were ready.',
    kind: 'dated',
    expectedText: 'début 2024',
    sourceKey: WSJ,
    claimedOn: WSJ_DATE,
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
      'If training went as planned, Meta would make its GPT-4-class model available at some point in 2024.',
    kind: 'dated',
    expectedText: 'courant 2024',
    sourceKey: WSJ,
    claimedOn: WSJ_DATE,
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
      "Meta's release would probably come after Google launched Gemini, its upcoming model meant to improve the Bard chatbot.",
    kind: 'relative',
    afterEventSlug: 'gemini-launch',
    afterText: "after Google's Gemini",
    sourceKey: WSJ,
    claimedOn: WSJ_DATE,
    quote: 'après l’annonce de Gemini',
    organizations: ['meta', 'google'],
    subjects: ['llama-3', 'gemini'],
    outcome: 'met',
    settledByEventSlug: 'llama-3-release',
    resolutionNote:
      'Gemini launched on 6 December 2023 and Llama 3 followed on 18 April 2024, so the order held.',
    resolvedAt: RESOLVED_AT,
  },
  {
    slug: 'google-gemini-may-2024',
    title: 'Google releases Gemini in May 2024',
    claim:
      'Google would release Gemini, its next model for the Bard chatbot, in May 2024. Only the French article gives this date; the WSJ report relayed elsewhere gives none, so the claim is attributed to the article.',
    kind: 'dated',
    expectedText: 'mai 2024',
    sourceKey: 'fr-article-meta-next-model',
    claimedOn: '2023-09-11',
    quote: 'qu’on attend en mai 2024',
    organizations: ['google'],
    subjects: ['gemini', 'bard'],
    outcome: 'early',
    settledByEventSlug: 'gemini-launch',
    resolutionNote:
      'Google announced and launched Gemini on 6 December 2023, 147 days before the May 2024 window opened. The date is recorded as a discrepancy on the French article.',
    resolvedAt: RESOLVED_AT,
  },
  {
    slug: 'meta-next-model-several-times-llama-2',
    title: "Meta's next model is several times more powerful than Llama 2",
    claim:
      'The new model would be several times more powerful than Llama 2, according to the WSJ; the French article turned this into "twice as powerful".',
    kind: 'attribute',
    sourceKey: WSJ,
    claimedOn: WSJ_DATE,
    quote: 'deux fois plus puissante que Llama 2',
    organizations: ['meta'],
    subjects: ['llama-3', 'llama-2'],
    outcome: 'partly_met',
    settledByEventSlug: 'llama-3-release',
    resolutionNote:
      'Llama 3 clearly outperformed Llama 2 on the benchmarks Meta published, and Llama 3.1 405B (July 2024) was pitched as a match for the best closed models. But "powerful" has no agreed measure, and neither "several times" (WSJ) nor "twice" (the French article, recorded as a discrepancy) can be checked as a multiple, so the claim is judged partly met.',
    resolvedAt: RESOLVED_AT,
  },
  {
    slug: 'meta-next-model-open',
    title: 'Meta offers its next model openly',
    claim:
      'Mark Zuckerberg wanted the new model to be freely available to researchers and developers, like Meta\'s earlier models, so that any company could build on it.',
    kind: 'attribute',
    sourceKey: WSJ,
    claimedOn: WSJ_DATE,
    quote: 'proposé librement à la communauté des chercheurs et des développeurs',
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
      "Meta would train the new model in its own data centres, stocked with Nvidia H100 GPUs, rather than relying on Microsoft's Azure cloud.",
    kind: 'attribute',
    sourceKey: WSJ,
    claimedOn: WSJ_DATE,
    quote: 'mettre au point sa propre infrastructure',
    organizations: ['meta', 'nvidia', 'microsoft'],
    subjects: ['llama-3', 'h100', 'azure'],
    outcome: 'met',
    settledByEventSlug: 'llama-3-release',
    resolutionNote:
      "Llama 3 was trained on Meta's own H100 GPU clusters. The article's premise that Llama 2 had been trained on Azure was wrong (recorded as a discrepancy): Llama 2 was also trained on Meta's clusters, and Azure only distributed it.",
    resolvedAt: RESOLVED_AT,
  },
  {
    slug: 'meta-instagram-chatbot-30-personalities',
    title: 'Meta adds a chatbot with 30 personalities to Instagram',
    claim:
      'Meta planned to bring generative AI to its social networks, starting with a chatbot offered in 30 personalities on Instagram. No date was given; the context implies 2023.',
    kind: 'dated',
    expectedText: '2023',
    sourceKey: WSJ,
    claimedOn: WSJ_DATE,
    quote: 'un chatbot, décliné en 30 personnalités',
    organizations: ['meta'],
    subjects: ['instagram', 'meta-ai'],
    outcome: 'met',
    settledByEventSlug: 'meta-ai-assistant-launch',
    resolutionNote:
      'Met approximately: on 27 September 2023 Meta launched the Meta AI assistant and 28 AI characters (not 30) in WhatsApp, Messenger and Instagram, within 2023. The characters were reportedly retired around July 2024; no source in our list documents that, so it is not recorded as an event.',
    resolvedAt: RESOLVED_AT,
  },
];

export const seedData: SeedData = { organizations, subjects, tags, sources, events, milestones };
