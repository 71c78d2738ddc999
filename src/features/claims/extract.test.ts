import { describe, expect, it } from 'vitest';
import { readShared, SEED_ARTICLE_FILE } from '../../../test/helpers/shared.ts';
import { extractClaims, sentences } from './extract.ts';

const published = new Date('2023-09-11T00:00:00Z');
const day = (iso: string) => `${iso}T00:00:00.000Z`;

describe('extractClaims', () => {
  it('when the seed article (published 2023-09-11) is read, then its three dated claims are proposed with the seed windows', () => {
    const candidates = extractClaims(readShared(SEED_ARTICLE_FILE), published, 'fr');
    const find = (phrase: string) => candidates.find((c) => c.phrase === phrase);
    const training = find('à partir de début 2024');
    expect(training).toMatchObject({ start: day('2024-01-01'), end: day('2024-05-01'), shape: 'window', label: 'early 2024' });
    expect(training!.sentence).toBe('L’entreprise prévoit de commencer la formation de ce nouveau modèle linguistique à partir de début 2024.');
    const release = find('dans le courant de l’année prochaine');
    expect(release).toMatchObject({ start: day('2024-01-01'), end: day('2025-01-01'), shape: 'window', label: '2024' });
    expect(release!.sentence).toContain('Meta devrait proposer l’IA dans le courant de l’année prochaine');
    const gemini = find('qu’on attend en mai 2024');
    expect(gemini).toMatchObject({ start: day('2024-05-01'), end: day('2024-06-01'), shape: 'window', label: 'May 2024' });
    expect(gemini!.sentence).toMatch(/^La sortie surviendrait probablement après l’annonce de Gemini/);
    // Past dates ("il y a quelques mois", Llama 2) give nothing; every candidate is still ahead on the day.
    for (const c of candidates) expect(c.end === null || c.end > published.toISOString()).toBe(true);
  });

  it('when an English article holds shaped horizons and a plain calendar date, then each is read with its shape', () => {
    const text =
      'Anthropic says powerful AI could arrive within two years. The company expects a new model by the end of 2026. ' +
      'A hearing is set for March 3. Last year the firm raised money in 2022.';
    const got = extractClaims(text, new Date('2025-02-11T00:00:00Z'), 'en').map((c) => [c.phrase, c.shape, c.start, c.end, c.reader]);
    expect(got).toEqual([
      ['within two years', 'deadline', day('2025-02-11'), day('2027-02-11'), 'grammar'],
      ['by the end of 2026', 'deadline', day('2025-02-11'), day('2027-01-01'), 'grammar'],
      ['March 3', 'window', day('2025-03-03'), day('2025-03-04'), 'chrono'],
    ]);
  });

  it('when a likelihood is stated, then the candidate keeps it as written', () => {
    const [c] = extractClaims('We think AGI arrives by 2030 (70-80% chance). Others disagree.', new Date('2025-01-01T00:00:00Z'), 'en');
    expect(c?.likelihood).toBe('70-80% chance');
  });

  it('when the text holds no future date, then the list is empty', () => {
    expect(extractClaims('Meta released Llama 2 in July 2023. It has 70 billion parameters.', published, 'en')).toEqual([]);
    expect(extractClaims('', published, 'fr')).toEqual([]);
    expect(extractClaims('Aucune date ici, seulement 40 000 dollars et 30 personnalités.', published, 'fr')).toEqual([]);
  });

  it('when text is split, then headlines on their own lines are sentences of their own', () => {
    expect(sentences('Lancement courant 2024\n\nLa firme ne compte pas s’arrêter là. Elle avance.', 'fr')).toEqual([
      'Lancement courant 2024',
      'La firme ne compte pas s’arrêter là.',
      'Elle avance.',
    ]);
  });
});
