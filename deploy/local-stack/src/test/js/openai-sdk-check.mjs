// Drives the /v1 endpoints with the official OpenAI JavaScript SDK (npm "openai", v6), the way chat UIs do.
// Env: BASE_URL (e.g. http://127.0.0.1:8080/v1), API_KEY, MODEL (e.g. pageindex-ws-1), QUESTION (optional).
// Prints one line per check; exits non-zero if any check fails.
import OpenAI from 'openai';

const baseURL = process.env.BASE_URL;
const apiKey = process.env.API_KEY;
const model = process.env.MODEL;
const question = process.env.QUESTION || 'What is this document about?';

if (!baseURL || !apiKey || !model) {
  console.log('FAIL setup: BASE_URL, API_KEY and MODEL must be set');
  process.exit(2);
}

const client = new OpenAI({ baseURL, apiKey, timeout: 60_000, maxRetries: 0 });
let failures = 0;

async function check(name, body) {
  try {
    const detail = await body();
    console.log(`PASS ${name}${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    failures += 1;
    console.log(`FAIL ${name}: ${error && error.message ? error.message : error}`);
  }
}

function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

await check('models.list', async () => {
  const ids = [];
  for await (const m of client.models.list()) {
    ids.push(m.id);
  }
  expect(ids.includes(model), `${model} not among ${JSON.stringify(ids)}`);
  return `${ids.length} model(s), ${model} listed`;
});

await check('chat.completions.create', async () => {
  const completion = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: question }],
    temperature: 0.2,
  });
  const content = completion.choices?.[0]?.message?.content ?? '';
  expect(completion.object === 'chat.completion', `object is ${completion.object}`);
  expect(content.trim().length > 0, 'empty content');
  expect(completion.choices[0].finish_reason === 'stop', `finish_reason ${completion.choices[0].finish_reason}`);
  return `${content.length} chars`;
});

await check('chat.completions.create stream', async () => {
  const stream = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: [{ type: 'text', text: question }] }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = '';
  let finishReason = null;
  let chunks = 0;
  const ids = new Set();
  for await (const chunk of stream) {
    chunks += 1;
    ids.add(chunk.id);
    const choice = chunk.choices?.[0];
    if (choice?.delta?.content) {
      text += choice.delta.content;
    }
    if (choice?.finish_reason) {
      finishReason = choice.finish_reason;
    }
  }
  expect(text.trim().length > 0, 'no content deltas');
  expect(finishReason !== null, 'no finish_reason seen');
  expect(ids.size === 1, `chunk ids differ: ${[...ids].join(', ')}`);
  return `${chunks} chunks, ${text.length} chars, finish_reason ${finishReason}`;
});

await check('unknown model is a 4xx', async () => {
  try {
    await client.chat.completions.create({
      model: 'pageindex-ws-999999999',
      messages: [{ role: 'user', content: question }],
    });
  } catch (error) {
    if (error instanceof OpenAI.APIError) {
      expect(error.status >= 400 && error.status < 500, `status ${error.status}`);
      return `status ${error.status}`;
    }
    throw error;
  }
  throw new Error('the request for an unknown model succeeded');
});

await check('models.retrieve', async () => {
  const m = await client.models.retrieve(model);
  expect(m.id === model && m.object === 'model', `got ${JSON.stringify(m)}`);
  return m.id;
});

await check('unknown model by id is a NotFoundError', async () => {
  try {
    await client.models.retrieve('pageindex-ws-999999999');
  } catch (error) {
    expect(error instanceof OpenAI.NotFoundError, `${error.constructor.name} ${error.status}`);
    return `status ${error.status}`;
  }
  throw new Error('an unknown model was found');
});

await check('an endpoint not offered (embeddings) is an OpenAI 404', async () => {
  try {
    await client.embeddings.create({ model, input: 'hello' });
  } catch (error) {
    expect(error instanceof OpenAI.NotFoundError, `${error.constructor.name} ${error.status}`);
    expect(error.code === 'unknown_url', `code ${error.code}`);
    return `status ${error.status}, code ${error.code}`;
  }
  throw new Error('embeddings answered');
});

await check('max_tokens cuts the answer with finish_reason length', async () => {
  const completion = await client.chat.completions.create({
    model, max_tokens: 3, messages: [{ role: 'user', content: question }],
  });
  const choice = completion.choices[0];
  expect(choice.finish_reason === 'length', `finish_reason ${choice.finish_reason}`);
  expect(choice.message.content.length <= 12, `${choice.message.content.length} chars`);
  return `${choice.message.content.length} chars`;
});

await check('n > 1 is a BadRequestError naming n', async () => {
  try {
    await client.chat.completions.create({ model, n: 2, messages: [{ role: 'user', content: question }] });
  } catch (error) {
    expect(error instanceof OpenAI.BadRequestError, `${error.constructor.name} ${error.status}`);
    expect(error.param === 'n', `param ${error.param}`);
    return `status ${error.status}`;
  }
  throw new Error('n=2 was accepted');
});

await check('an Open WebUI title task gets a short title, not an answer', async () => {
  const prompt = '### Task:\nGenerate a concise, 3-5 word title with an emoji summarizing the chat history.\n'
    + '### Output:\nJSON format: { "title": "your concise title here" }\n### Chat History:\n<chat_history>\n'
    + `USER: ${question}\nASSISTANT: (an answer)\n</chat_history>`;
  const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] });
  const title = JSON.parse(completion.choices[0].message.content).title;
  expect(typeof title === 'string' && title.split(' ').length <= 5, `title ${title}`);
  return title;
});

await check('answers carry their sources', async () => {
  const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: question }] });
  expect(Array.isArray(completion.sources), 'no sources array');
  for (const s of completion.sources) {
    expect(typeof s.doc_id === 'number' && typeof s.node_id === 'string', `bad source ${JSON.stringify(s)}`);
  }
  return `${completion.sources.length} source(s)`;
});

if (failures > 0) {
  console.log(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('all checks passed');
