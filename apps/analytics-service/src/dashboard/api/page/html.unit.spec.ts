import { escaped, escapeHtml, SafeHtml } from './html';

describe('escaped', () => {
  it('escapes every interpolated string, in content and in attributes', () => {
    const sensorId = `<script>alert("x")</script>&'`;
    expect(escaped`<p title="${sensorId}">${sensorId}</p>`.markup).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
  });

  it('keeps markup built by escaped, and joins lists of it', () => {
    const items = ['a<', 'b>'].map((text) => escaped`<li>${text}</li>`);
    expect(escaped`<ul>${items}</ul>`.markup).toBe('<ul><li>a&lt;</li><li>b&gt;</li></ul>');
    expect(escaped`${new SafeHtml('<br>')}${3.5}`.markup).toBe('<br>3.5');
  });

  it('escapes text on its own', () => {
    expect(escapeHtml('Tom & "Jerry" <3')).toBe('Tom &amp; &quot;Jerry&quot; &lt;3');
  });
});
